using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Tests;

/// <summary>Trial specs and results for the tests.</summary>
internal static class Trials
{
    public static string NewSweepId() => "sweep-" + Guid.NewGuid().ToString("N");

    public static TrialSpec[] Specs(int count) =>
        [.. Enumerable.Range(0, count).Select(index => new TrialSpec($"t{index}", $$"""{"seed":{{index}}}""", $"/shared/runs/t{index}"))];

    public static TrialResult Result(TrialLease lease, string worker) =>
        new(lease.TrialId, "completed", true, """{"accuracy":1}""", worker, lease.Attempt);
}
