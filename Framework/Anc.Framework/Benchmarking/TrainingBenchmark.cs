using System.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Scenarios;
using Anc.Torch;
using Anc.Training.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Benchmarking;

/// <summary>
/// Measures how fast a manifest trains, writing nothing: its first seed's experiment is built
/// as a run builds it (same composer, seeding, device and threads), trained
/// <see cref="BenchmarkSettings.Warmup"/> rounds, then <see cref="BenchmarkSettings.Repeats"/>
/// times <see cref="BenchmarkSettings.Steps"/> rounds, each stretch timed. The manifest's
/// step limit, stopping rule and logging do not apply, and there is no evaluation. Where the
/// experiment implements <see cref="IRoundTimings"/>, each round's time is split by its phases;
/// where it implements <see cref="IEvaluationWork"/>, a few units of its evaluation are timed
/// after the rounds, and the result tells what one seed costs at the manifest's settings.
/// </summary>
public sealed class TrainingBenchmark
{
    private readonly ExperimentComposer _composer;
    private readonly TorchDevices _devices;

    /// <summary>Creates a benchmark.</summary>
    public TrainingBenchmark(ExperimentComposer composer, TorchDevices devices)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(devices);
        _composer = composer;
        _devices = devices;
    }

    /// <summary>Trains and times <paramref name="manifest"/>'s first seed as <paramref name="settings"/> say.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="settings">How many rounds, how often.</param>
    /// <param name="startup">
    /// The stages of start-up the caller timed before (the runtime, the host and its plugins, the
    /// manifest): the result's <see cref="BenchmarkResult.Startup"/> goes on with building the
    /// experiment (torch's native library, the networks) and its first round.
    /// </param>
    /// <param name="cancellationToken">Stops it between rounds.</param>
    /// <exception cref="Diagnostics.AncInputException">The manifest asks for a device this machine lacks.</exception>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public BenchmarkResult Measure(ResolvedManifest manifest, BenchmarkSettings settings, IReadOnlyList<StartupStage>? startup = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        long creating = Stopwatch.GetTimestamp();
        using IDisposable trained = settings.Together == 1
            ? CreateExperiment(manifest, cancellationToken)
            : CreateSeedGroup(manifest, settings.Together, cancellationToken);
        TimeSpan creation = Stopwatch.GetElapsedTime(creating);
        Action<long> round = trained is IExperiment experiment ? s => experiment.TrainRound(s) : s => ((SeedGroup)trained).Batch.TrainRound(s);
        IRoundTimings? timings = (trained as SeedGroup)?.Batch as IRoundTimings ?? trained as IRoundTimings;
        IReadOnlyList<string> phases = timings?.Phases.ToArray() ?? [];

        // The first round is timed on its own for start-up (lazy initialisations land in it), then
        // counts as a warm-up round; with no warm-up asked for, timing starts after it all the same.
        long firstStarted = Stopwatch.GetTimestamp();
        round(1);
        TimeSpan firstRound = Stopwatch.GetElapsedTime(firstStarted);
        long step = 1;
        for (int i = 1; i < settings.WarmupRounds; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            round(++step);
            TorchGarbage.CollectAfter(step);
        }

        List<BenchmarkRepeat> repeats = [];
        for (int repeat = 0; repeat < settings.Repeats; repeat++)
        {
            TimeSpan[] before = Read(timings, phases.Count);
            long started = Stopwatch.GetTimestamp();
            for (int i = 0; i < settings.Steps; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                round(++step);
                TorchGarbage.CollectAfter(step);
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            TimeSpan[] after = Read(timings, phases.Count);
            repeats.Add(new BenchmarkRepeat(settings.Steps, elapsed, after.Select((t, i) => t - before[i]).ToArray(), step, ProcessMemory.Read().ResidentBytes));
        }

        EvaluationTiming? evaluationTiming = null;
        IEvaluationWork? evaluation = (trained as SeedGroup)?.Experiments[0] as IEvaluationWork ?? trained as IEvaluationWork;
        if (evaluation is not null && settings.EvaluationSteps > 0)
        {
            // A few units first, as the rounds had their warm-up: the fresh network's lazy set-up lands there.
            evaluation.RunEvaluationUnits(Math.Min(settings.EvaluationSteps, 5));
            long started = Stopwatch.GetTimestamp();
            int done = evaluation.RunEvaluationUnits(settings.EvaluationSteps);
            evaluationTiming = new EvaluationTiming(evaluation.EvaluationUnit, evaluation.EvaluationUnits, Stopwatch.GetElapsedTime(started) / done);
        }

        return new BenchmarkResult(
            manifest.SourcePath,
            manifest.Experiment,
            manifest.Scenario.Descriptor.Name,
            manifest.Seeds[0],
            _devices.Resolve(manifest.Device).type.ToString().ToLowerInvariant(),
            torch.get_num_threads(),
            manifest.Training.BatchSize,
            settings,
            phases,
            repeats,
            ProcessMemory.Read(),
            [.. startup ?? [], new StartupStage("torch and networks", creation), new StartupStage("first round", firstRound)],
            manifest.Training.MaxSteps,
            evaluationTiming);
    }

    /// <summary>
    /// Builds <paramref name="manifest"/>'s first seed's experiment as a run builds it: the
    /// manifest's device and threads, torch's generator seeded, every component created fresh.
    /// For measurements of one's own (such as a BenchmarkDotNet benchmark); the caller disposes it.
    /// </summary>
    /// <exception cref="Diagnostics.AncInputException">The manifest asks for a device this machine lacks.</exception>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public IExperiment CreateExperiment(ResolvedManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return _composer.CreateExperiment(manifest, manifest.Seeds[0], Prepare(manifest), new Progress<MetricEvent>(), cancellationToken);
    }

    /// <summary>
    /// Builds <paramref name="count"/> seeds of <paramref name="manifest"/> trained together: its
    /// first seed and the ones after it (s, s + 1, ...), as <see cref="CreateExperiment"/> builds one.
    /// </summary>
    /// <exception cref="NotSupportedException">The scenario, or its parties' components, cannot train seeds together.</exception>
    public SeedGroup CreateSeedGroup(ResolvedManifest manifest, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        int[] seeds = Enumerable.Range(0, count).Select(k => manifest.Seeds[0] + k).ToArray();
        return _composer.CreateSeedGroup(manifest, seeds, Prepare(manifest), new Progress<MetricEvent>(), cancellationToken);
    }

    /// <summary>What a run sets up before a seed: the manifest's device, resolved, and its thread count.</summary>
    private Device Prepare(ResolvedManifest manifest)
    {
        Device device = _devices.Resolve(manifest.Device);
        RunEngine.SetThreads(manifest);
        return device;
    }

    private static TimeSpan[] Read(IRoundTimings? timings, int phases) =>
        Enumerable.Range(0, phases).Select(i => timings!.Elapsed(i)).ToArray();
}
