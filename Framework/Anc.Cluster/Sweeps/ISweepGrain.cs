namespace Anc.Cluster.Sweeps;

/// <summary>
/// One sweep's trials as a durable pull/lease work queue, keyed by the sweep id the client chose. Workers pull
/// (<see cref="Lease"/>), so no grain ever waits on training; a lease that is not renewed runs out and the trial goes
/// to the next worker, which resumes it from its checkpoint on the shared disk.
/// </summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds trials to the sweep. Idempotent: trials it already knows keep their state (a client that reconnects and
    /// submits again sees the sweep where it is); new ones become pending.
    /// </summary>
    /// <param name="trials">The sweep's trials.</param>
    /// <returns>The sweep's status after the submission.</returns>
    Task<SweepStatus> Submit(IReadOnlyList<TrialSpec> trials);

    /// <summary>
    /// Hands the next pending trial to <paramref name="worker"/>, after sending back to the queue the running trials
    /// whose lease ran out; returns at once, with no trial when none is pending.
    /// </summary>
    /// <param name="worker">The worker asking.</param>
    Task<TrialLease?> Lease(string worker);

    /// <summary>Extends the lease of a trial and stores its progress.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="attempt">The attempt the worker runs.</param>
    /// <param name="progress">How far it has come.</param>
    /// <returns>False when that attempt no longer holds the trial (reassigned or done): the worker should stop it.</returns>
    Task<bool> Renew(string trialId, int attempt, TrialProgress progress);

    /// <summary>
    /// Records a trial's result, once: the first completion of a trial not yet done is kept, even from an older
    /// attempt (it is a valid result of the same trial); later ones are refused.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>Whether the result was recorded.</returns>
    Task<bool> Complete(TrialResult result);

    /// <summary>Gives a trial back at once (a worker that stops gracefully), so the next worker need not wait for the lease to run out.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="attempt">The attempt the worker ran.</param>
    /// <returns>False when that attempt no longer held the trial.</returns>
    Task<bool> Release(string trialId, int attempt);

    /// <summary>The sweep's trials as they stand.</summary>
    Task<SweepStatus> GetStatus();
}
