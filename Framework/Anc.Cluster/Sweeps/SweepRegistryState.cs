namespace Anc.Cluster.Sweeps;

/// <summary>The registry's durable state: the active sweeps, in the order they were added.</summary>
[GenerateSerializer]
public sealed class SweepRegistryState
{
    /// <summary>The active sweeps.</summary>
    [Id(0)] public List<string> Sweeps { get; set; } = [];
}
