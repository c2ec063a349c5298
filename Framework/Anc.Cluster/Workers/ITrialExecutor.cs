using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Workers;

/// <summary>
/// Runs one leased trial to its result; the seam between the cluster (which only moves trials around) and whatever
/// trains them, so that this assembly needs neither the framework nor TorchSharp. Called from a worker's background
/// loop, never from a grain, so training never blocks the Orleans scheduler.
/// </summary>
public interface ITrialExecutor
{
    /// <summary>
    /// Runs the trial. A later attempt of the same trial should resume from what the earlier one left in
    /// <see cref="TrialSpec.Directory"/>.
    /// </summary>
    /// <param name="lease">The trial and the attempt being run.</param>
    /// <param name="progress">Where to report progress; the latest report travels with the next lease renewal.</param>
    /// <param name="cancellationToken">Cancelled when the worker stops or the trial is no longer this attempt's.</param>
    /// <returns>The trial's result.</returns>
    Task<TrialResult> RunAsync(TrialLease lease, IProgress<TrialProgress> progress, CancellationToken cancellationToken);
}
