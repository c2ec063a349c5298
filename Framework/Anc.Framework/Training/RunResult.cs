namespace Anc.Training;

/// <summary>The outcome of a whole run.</summary>
/// <param name="RunDirectory">The run folder's full path.</param>
/// <param name="Seeds">Each seed's outcome, in order.</param>
public sealed record RunResult(string RunDirectory, IReadOnlyList<SeedOutcome> Seeds)
{
    /// <summary>The share of seeds that succeeded.</summary>
    public double SuccessRate => Seeds.Count == 0 ? 0 : Seeds.Count(s => s.Success) / (double)Seeds.Count;

    /// <summary>Whether every seed trained, evaluated and met its criteria.</summary>
    public bool AllSucceeded => Seeds.Count > 0 && Seeds.All(s => s.Success);
}
