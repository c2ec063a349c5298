using System.Threading.Channels;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Results;
using Anc.Resume;
using Anc.Runs;
using Anc.Training.Engine;

namespace Anc.Training;

/// <summary>
/// <see cref="IExperimentRunner"/> over <see cref="RunEngine"/>: each run reads its
/// manifest and trains on a dedicated thread, because TorchSharp training is synchronous and
/// long and would otherwise hold the caller's thread or a thread-pool thread for minutes.
/// </summary>
internal sealed class BackgroundExperimentRunner(ManifestReader reader, RunEngine engine, TimeProvider time) : IExperimentRunner
{
    public Task<RunResult> RunAsync(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default) =>
        Begin(manifest, settings, events: null, cancellationToken);

    public ExperimentRun Start(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default)
    {
        // Observers are called one at a time, so the channel has one writer even when seeds train in parallel.
        Channel<MetricEvent> events = Channel.CreateUnbounded<MetricEvent>(new UnboundedChannelOptions { SingleWriter = true });
        return new ExperimentRun(events.Reader, Begin(manifest, settings, events.Writer, cancellationToken));
    }

    public Task<RunResult> ResumeAsync(string runDirectory, ResumeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parallel, 1);
        return OnTrainingThread($"anc-resume {runDirectory}", events: null, observer =>
        {
            RunDirectory run = StoppedRun(runDirectory, finishedToo: settings.MaxSteps is not null);
            string file = Path.Combine(run.FullPath, "manifest.json");
            IReadOnlyList<ManifestOverride> changes = settings.Changes();
            ResolvedManifest resumed = reader.Read(file, changes);
            if (settings.MaxSteps is { } maxSteps)
            {
                RunExtension.Prepare(run, reader.Read(file), maxSteps);
            }

            // Last, so that a preparation cut short leaves a run that resumes as it was.
            if (changes.Count > 0)
            {
                run.WriteJson("manifest.json", resumed.ToJson());
            }

            return engine.Resume(run, resumed, settings.Parallel, Environment.GetCommandLineArgs(), observer, cancellationToken);
        }, cancellationToken);
    }

    private Task<RunResult> Begin(ManifestSource manifest, RunSettings settings, ChannelWriter<MetricEvent>? events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.OutputRoot);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parallel, 1);
        return OnTrainingThread(
            $"anc-run {manifest.Name}", events, observer => engine.Run(manifest.Read(reader), settings, Environment.GetCommandLineArgs(), observer, cancellationToken), cancellationToken);
    }

    /// <summary>A run that can go on: a run directory whose process is gone, without a summary unless <paramref name="finishedToo"/>.</summary>
    private RunDirectory StoppedRun(string runDirectory, bool finishedToo)
    {
        RunRecord record;
        try
        {
            record = RunRecord.Read(runDirectory, time.GetUtcNow());
        }
        catch (IOException e)
        {
            throw new AncInputException($"{e.Message.TrimEnd('.')}; --resume takes a run directory, such as runs/<experiment>/<yyyyMMdd-HHmmss>-<id>.");
        }

        if (record.Summary is not null && !finishedToo)
        {
            throw new AncInputException($"{record.Directory}: the run has finished (it has a summary.json); nothing to resume.");
        }

        if (record.Status == RunStatus.Running)
        {
            throw new AncInputException($"{record.Directory}: the run is still running (its heartbeat is fresh); stop it before resuming.");
        }

        return RunDirectory.Open(record.Directory);
    }

    private static Task<RunResult> OnTrainingThread(string name, ChannelWriter<MetricEvent>? events, Func<IRunObserver?, RunResult> work, CancellationToken cancellationToken)
    {
        // Continuations run elsewhere, so that an awaiting caller never borrows the training thread.
        TaskCompletionSource<RunResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Thread training = new(() =>
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunResult result = work(events is null ? null : new MetricChannelObserver(events));
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
            Name = name,
            // A run must not keep the process alive once the application has ended.
            IsBackground = true,
        };
        training.Start();
        return completion.Task;
    }
}
