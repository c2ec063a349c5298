namespace Anc.Cluster.Sweeps;

/// <summary>
/// The durable list of sweeps that still have unfinished trials (key 0), so that a worker knows which sweeps to ask
/// for work without the client telling it. A sweep adds itself when trials are submitted and removes itself when
/// all of them are done.
/// </summary>
public interface ISweepRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The registry's one key.</summary>
    public const long Key = 0;

    /// <summary>Registers a sweep as active (idempotent).</summary>
    /// <param name="sweepId">The sweep.</param>
    Task Add(string sweepId);

    /// <summary>Forgets a sweep (idempotent).</summary>
    /// <param name="sweepId">The sweep.</param>
    Task Remove(string sweepId);

    /// <summary>The active sweeps, in the order they were added.</summary>
    Task<IReadOnlyList<string>> Active();
}
