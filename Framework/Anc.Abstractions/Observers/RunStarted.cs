namespace Anc.Observers;

/// <summary>A run has begun writing its run directory.</summary>
/// <param name="Experiment">The manifest's experiment name.</param>
/// <param name="RunDirectory">The run directory's full path.</param>
/// <param name="Seeds">The seeds, in the order they run.</param>
public sealed record RunStarted(string Experiment, string RunDirectory, IReadOnlyList<int> Seeds);
