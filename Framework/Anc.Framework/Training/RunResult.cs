namespace Anc.Training;

/// <summary>The outcome of a whole run.</summary>
/// <param name="RunDirectory">The run folder's full path.</param>
/// <param name="Seeds">Each seed's outcome, in order; a cancelled run lists the seeds it began.</param>
/// <param name="Cancelled">Whether the run was stopped before it finished; its <c>summary.json</c> then says <c>cancelled</c>.</param>
public sealed record RunResult(string RunDirectory, IReadOnlyList<SeedOutcome> Seeds, bool Cancelled)
{
    /// <summary>The share of seeds that succeeded.</summary>
    public double SuccessRate => Seeds.Count == 0 ? 0 : Seeds.Count(s => s.Success) / (double)Seeds.Count;

    /// <summary>Whether every seed trained, evaluated and met its criteria.</summary>
    public bool AllSucceeded => Seeds.Count > 0 && Seeds.All(s => s.Success);
}
