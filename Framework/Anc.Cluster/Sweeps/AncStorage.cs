namespace Anc.Cluster.Sweeps;

/// <summary>The grain storage the sweep grains keep their state in: whoever wires a silo registers storage under this name.</summary>
public static class AncStorage
{
    /// <summary>The storage provider's name.</summary>
    public const string Name = "anc";
}
