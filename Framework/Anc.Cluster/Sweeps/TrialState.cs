namespace Anc.Cluster.Sweeps;

/// <summary>Where a trial stands in its sweep's queue; once <see cref="Done"/>, a trial stays so.</summary>
[GenerateSerializer]
public enum TrialState
{
    /// <summary>Waiting for a worker (never leased, released, or its lease expired).</summary>
    Pending = 0,

    /// <summary>Leased to a worker that is expected to renew the lease.</summary>
    Running = 1,

    /// <summary>Its result is recorded.</summary>
    Done = 2,
}
