namespace Anc.Results;

/// <summary>What a benchmark's process took before training, in seconds.</summary>
/// <param name="Total">All of it.</param>
/// <param name="Stages">Each stage, in order.</param>
public sealed record BenchmarkStartup(double Total, IReadOnlyDictionary<string, double> Stages);
