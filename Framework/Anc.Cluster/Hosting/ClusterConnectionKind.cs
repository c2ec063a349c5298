namespace Anc.Cluster.Hosting;

/// <summary>Which kind of cluster a <see cref="ClusterConnection"/> names.</summary>
public enum ClusterConnectionKind
{
    /// <summary>Silos on this machine only, with in-memory grain storage: the default that needs no server.</summary>
    Localhost = 0,

    /// <summary>Redis for membership and grain storage: silos on several machines, state that survives restarts.</summary>
    Redis = 1,
}
