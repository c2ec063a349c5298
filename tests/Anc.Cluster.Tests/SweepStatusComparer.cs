using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Tests;

/// <summary>Compares sweep statuses by content (records compare their trial lists by reference).</summary>
internal sealed class SweepStatusComparer : IEqualityComparer<SweepStatus>
{
    public static SweepStatusComparer Instance { get; } = new();

    public bool Equals(SweepStatus? x, SweepStatus? y) =>
        x is not null && y is not null && x.SweepId == y.SweepId && x.Trials.SequenceEqual(y.Trials);

    public int GetHashCode(SweepStatus obj) => obj.SweepId.GetHashCode(StringComparison.Ordinal);
}
