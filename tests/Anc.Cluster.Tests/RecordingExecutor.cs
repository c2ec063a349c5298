using System.Collections.Concurrent;
using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;

namespace Anc.Cluster.Tests;

/// <summary>A trial executor for the worker tests: "trains" for a moment, reports progress and records who ran what.</summary>
internal sealed class RecordingExecutor(TimeSpan duration) : ITrialExecutor
{
    public ConcurrentQueue<(string TrialId, int Attempt, int ThreadPoolThread)> Runs { get; } = new();

    public async Task<TrialResult> RunAsync(TrialLease lease, IProgress<TrialProgress> progress, CancellationToken cancellationToken)
    {
        Runs.Enqueue((lease.TrialId, lease.Attempt, Thread.CurrentThread.IsThreadPoolThread ? 1 : 0));
        progress.Report(new TrialProgress(1, 0.5, "started"));
        await Task.Delay(duration, cancellationToken);
        return new TrialResult(lease.TrialId, "completed", true, $$"""{"trial":"{{lease.TrialId}}"}""", "set by the worker", 0);
    }
}
