namespace Anc.Cluster.Sweeps;

/// <summary>
/// How the sweep queue treats leases. A worker renews every quarter of <see cref="LeaseTime"/>; a trial whose lease
/// ran out goes back to the queue, which is how the trials of a worker that died are picked up by others.
/// </summary>
public sealed class SweepQueueOptions
{
    /// <summary>The key of the <see cref="TimeProvider"/> the sweep grains read the time from (tests put a clock they move there).</summary>
    public const string TimeProviderKey = "anc";

    /// <summary>How long a lease lasts without renewal; 60 s by default.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(60);
}
