using System.Threading.Channels;
using Anc.Manifests;
using Anc.Observers;

namespace Anc.Training;

/// <summary>
/// <see cref="IExperimentRunner"/> over <see cref="ExperimentRunner"/>: each run reads its
/// manifest and trains on a dedicated thread, because TorchSharp training is synchronous and
/// long and would otherwise hold the caller's thread or a thread-pool thread for minutes.
/// </summary>
internal sealed class BackgroundExperimentRunner(ManifestReader reader, ExperimentRunner engine) : IExperimentRunner
{
    public Task<RunResult> RunAsync(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default) =>
        Begin(manifest, settings, events: null, cancellationToken);

    public ExperimentRun Start(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default)
    {
        // Observers are called one at a time, so the channel has one writer even when seeds train in parallel.
        Channel<MetricEvent> events = Channel.CreateUnbounded<MetricEvent>(new UnboundedChannelOptions { SingleWriter = true });
        return new ExperimentRun(events.Reader, Begin(manifest, settings, events.Writer, cancellationToken));
    }

    private Task<RunResult> Begin(ManifestSource manifest, RunSettings settings, ChannelWriter<MetricEvent>? events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.OutputRoot);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parallel, 1);

        // Continuations run elsewhere, so that an awaiting caller never borrows the training thread.
        TaskCompletionSource<RunResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Thread training = new(() =>
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                ResolvedManifest resolved = manifest.Read(reader);
                IRunObserver? observer = events is null ? null : new MetricChannelObserver(events);
                RunResult result = engine.Run(resolved, settings, Environment.GetCommandLineArgs(), observer, cancellationToken);
                events?.TryComplete();
                completion.SetResult(result);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                events?.TryComplete();
                completion.SetCanceled(cancellationToken);
            }
            catch (Exception e)
            {
                events?.TryComplete(e);
                completion.SetException(e);
            }
        })
        {
            Name = $"anc-run {manifest.Name}",
            // A run must not keep the process alive once the application has ended.
            IsBackground = true,
        };
        training.Start();
        return completion.Task;
    }
}
