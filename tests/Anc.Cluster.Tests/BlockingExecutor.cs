using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;

namespace Anc.Cluster.Tests;

/// <summary>A trial executor that runs until it is cancelled, for the tests of how a worker stops a trial.</summary>
internal sealed class BlockingExecutor : ITrialExecutor
{
    private readonly TaskCompletionSource<TrialLease> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TrialLease> _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TrialLease> Started => _started.Task;

    public Task<TrialLease> Cancelled => _cancelled.Task;

    public async Task<TrialResult> RunAsync(TrialLease lease, IProgress<TrialProgress> progress, CancellationToken cancellationToken)
    {
        _started.TrySetResult(lease);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult(lease);
            throw;
        }

        throw new InvalidOperationException("unreachable");
    }
}
