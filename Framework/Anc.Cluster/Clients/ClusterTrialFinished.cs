using Anc.Cluster.Sweeps;
using Anc.Results;
using Anc.Sweeps;

namespace Anc.Cluster.Clients;

/// <summary>A trial that ended on a worker.</summary>
/// <param name="Done">Trials of the sweep done so far, this one and those finished before included.</param>
/// <param name="Total">Trials of the sweep.</param>
/// <param name="Trial">The trial.</param>
/// <param name="Result">What its worker recorded: the worker, the attempt, and the trial's <c>summary.json</c> or why it failed.</param>
/// <param name="Attempts">How many attempts the trial took.</param>
public sealed record ClusterTrialFinished(int Done, int Total, SweepTrial Trial, TrialResult Result, int Attempts)
{
    /// <summary>The trial's <c>summary.json</c>; null where its worker could not train it (<see cref="TrialResult.Error"/>).</summary>
    public RunSummaryFile? Summary => Result.Status == TrialResult.Failed ? null : ResultJson.Parse<RunSummaryFile>(Result.Summary);
}
