using Anc.Cluster.Sweeps;
using Anc.Results;
using Anc.Sweeps;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Anc.Cluster.Workers;

/// <summary>
/// Trains a leased trial with the framework's <see cref="TrialRunner"/> on a thread of its own
/// (training is long and CPU-bound): into the trial's folder on the shared disk, resuming from
/// the checkpoints a worker that died left there. Its result is the trial's <c>summary.json</c>.
/// A trial whose folder is outside the worker's sweeps root is refused before anything is written.
/// </summary>
internal sealed class AncTrialExecutor(TrialRunner trials, IOptions<TrialWorkerOptions> options, IOptions<AncTrialExecutorOptions> executorOptions) : ITrialExecutor
{
    private readonly SweepsRoot _root = new(executorOptions.Value.SweepsRoot ?? Environment.CurrentDirectory);

    public Task<TrialResult> RunAsync(TrialLease lease, IProgress<TrialProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(progress);
        if (_root.Refusal(lease.Spec.Directory) is { } refusal)
        {
            // Failed with the reason, retried at the next submission, where a worker with the right root may take it.
            return Task.FromException<TrialResult>(new UnauthorizedAccessException($"refused: {refusal}"));
        }

        TaskCompletionSource<TrialResult> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Thread training = new(() =>
        {
            try
            {
                // The lease is the worker's claim on the trial: a heartbeat in its folder is the dead worker's it was taken from.
                (RunSummaryFile summary, _) = trials.Run(lease.Spec.Directory, JObject.Parse(lease.Spec.Manifest), options.Value.Slots, held: true, new TrialProgressObserver(progress), cancellationToken);
                SeedOutcomeFile? seed = summary.Runs.FirstOrDefault();
                if (summary.Status == RunStatus.Cancelled || seed is null)
                {
                    done.SetCanceled(cancellationToken);
                    return;
                }

                done.SetResult(new TrialResult(lease.TrialId, seed.Status, seed.Success, ResultJson.ToText(summary, indented: false), string.Empty, lease.Attempt));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = $"anc-trial {lease.TrialId}",
        };
        training.Start();
        return done.Task;
    }
}
