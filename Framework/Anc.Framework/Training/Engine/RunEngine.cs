using System.Collections.Concurrent;
using Anc.Components;
using Anc.Diagnostics;
using Anc.Kernels;
using Anc.Manifests;
using Anc.Observers;
using Anc.PluginHosting;
using Anc.Reports;
using Anc.Resume;
using Anc.Results;
using Anc.Runs;
using Anc.Training.Processes;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Training.Engine;

/// <summary>
/// Runs a resolved manifest: creates the run directory, writes the resolved manifest and the
/// environment, trains each seed (one failing seed never loses the others), and writes the
/// summary last, so a run with a <c>summary.json</c> is a finished one. Seeds train in this
/// process one after another, several at a time each in a process of its own
/// (<see cref="SeedProcesses"/>), or in groups as one batched program
/// (<see cref="Scenarios.TrainingOptions.SeedsTogether"/>, <see cref="SeedGroupTrainer"/>); a
/// run that did not finish goes on in its own folder (<see cref="Resume"/>). It runs on the
/// calling thread; <see cref="IExperimentRunner"/> (<see cref="BackgroundExperimentRunner"/>) is
/// the public way in.
/// </summary>
internal sealed class RunEngine
{
    private readonly SeedTrainer _trainer;
    private readonly SeedGroupTrainer _groupTrainer;
    private readonly SeedProcesses _processes;
    private readonly PluginCatalog _catalog;
    private readonly TorchDevices _devices;
    private readonly KernelGuard _kernels;
    private readonly ComponentFactory _factory;
    private readonly IRunObserver[] _observers;
    private readonly TimeProvider _time;
    // Where an observer that throws is reported: the host's log, or standard error where it has none.
    private readonly Action<string> _warn;

    public RunEngine(
        SeedTrainer trainer,
        SeedGroupTrainer groupTrainer,
        SeedProcesses processes,
        PluginCatalog catalog,
        TorchDevices devices,
        KernelGuard kernels,
        ComponentFactory factory,
        IEnumerable<IRunObserver> observers,
        TimeProvider time,
        ILogger<RunEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(groupTrainer);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(time);
        _trainer = trainer;
        _groupTrainer = groupTrainer;
        _processes = processes;
        _catalog = catalog;
        _devices = devices;
        _kernels = kernels;
        _factory = factory;
        _observers = observers.ToArray();
        _time = time;
        _warn = logger is null ? message => Console.Error.WriteLine($"warning: {message}") : message => logger.LogWarning("{Warning}", message);
    }

    /// <summary>
    /// Runs every seed of <paramref name="manifest"/> into a new folder under the settings' output root,
    /// reporting to the registered observers and to <paramref name="observer"/>, this run's own.
    /// </summary>
    public RunResult Run(ResolvedManifest manifest, RunSettings settings, IReadOnlyList<string> commandLine, IRunObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(commandLine);
        int parallel = Parallelism(settings.Parallel, manifest);
        // A manifest whose networks compute wrong gradients here is refused before anything is written.
        SetThreads(manifest);
        _kernels.Check(manifest, _devices.Resolve(manifest.Device));
        RunDirectory run;
        try
        {
            run = RunDirectory.Create(settings.OutputRoot, manifest.Experiment, _time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AncInputException($"{settings.OutputRoot}: cannot create a run directory there ({e.Message}); choose another --output.");
        }

        return Begin(run, manifest, parallel, sharedBy: 1, commandLine, observer, cancellationToken);
    }

    /// <summary>
    /// Runs every seed of <paramref name="manifest"/> into <paramref name="run"/>, a new empty
    /// folder (a sweep's trial), while <paramref name="sharedBy"/> runs share the machine: above
    /// one, its seeds train in processes of their own with that share of the threads.
    /// </summary>
    public RunResult RunInto(RunDirectory run, ResolvedManifest manifest, int sharedBy, IReadOnlyList<string> commandLine, IRunObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(commandLine);
        return Begin(run, manifest, Parallelism(1, manifest, sharedBy: sharedBy), sharedBy, commandLine, observer, cancellationToken);
    }

    private RunResult Begin(RunDirectory run, ResolvedManifest manifest, int parallel, int sharedBy, IReadOnlyList<string> commandLine, IRunObserver? observer, CancellationToken cancellationToken)
    {
        Device device = _devices.Resolve(manifest.Device);
        SetThreads(manifest);
        DateTimeOffset started = _time.GetUtcNow();
        run.WriteJson("manifest.json", manifest.ToJson());
        EnvironmentFile environment = RunEnvironment.Describe(manifest, _catalog, device, commandLine) with
        {
            Parallel = parallel,
            ThreadsPerSeed = ThreadsPerSeed(manifest, parallel * sharedBy),
            Kernels = _kernels.Check(manifest, device),
        };
        ResultJson.Write(run, EnvironmentFile.FileName, environment);
        WriteDataScales(run, manifest);
        return Execute(run, manifest, device, parallel, sharedBy, new Dictionary<int, SeedOutcome>(), started, observer, cancellationToken);
    }

    /// <summary>Saves how a data generator that standardises a table scaled it (<see cref="DataFile"/>), for <c>anc-host protect</c>.</summary>
    private void WriteDataScales(RunDirectory run, ResolvedManifest manifest)
    {
        if (manifest.Data is not { } data)
        {
            return;
        }

        IDataGenerator generator = _factory.Create<IDataGenerator>(data);
        try
        {
            if (generator is IStandardisedData standardised)
            {
                ResultJson.Write(run, DataFile.FileName, new DataFile(data.Descriptor.Name, standardised.Scales));
            }
        }
        finally
        {
            (generator as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Goes on with a run that did not finish, in its own folder (see <see cref="RunResumption"/>):
    /// seeds that completed or diverged keep their outcome, the others resume from their latest checkpoint.
    /// </summary>
    public RunResult Resume(RunDirectory run, ResolvedManifest manifest, int parallel, IReadOnlyList<string> commandLine, IRunObserver? observer, CancellationToken cancellationToken, int sharedBy = 1)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(commandLine);
        Dictionary<int, SeedOutcome> kept = RunResumption.KeptOutcomes(run, manifest);
        int workers = Parallelism(parallel, manifest, Math.Max(1, manifest.Seeds.Count - kept.Count), sharedBy);
        Device device = _devices.Resolve(manifest.Device);
        SetThreads(manifest);
        DateTimeOffset started = RunResumption.Record(
            run, _time.GetUtcNow(), commandLine, workers, ThreadsPerSeed(manifest, workers * sharedBy), kept.Keys, _kernels.Check(manifest, device));
        return Execute(run, manifest, device, workers, sharedBy, kept, started, observer, cancellationToken);
    }

    private RunResult Execute(
        RunDirectory run,
        ResolvedManifest manifest,
        Device device,
        int parallel,
        int sharedBy,
        IReadOnlyDictionary<int, SeedOutcome> kept,
        DateTimeOffset started,
        IRunObserver? observer,
        CancellationToken cancellationToken)
    {
        int threadsPerSeed = ThreadsPerSeed(manifest, parallel * sharedBy);
        IRunObserver[] own = [new Heartbeat(run, _time), new TensorBoardLog(run.FullPath)];
        RunObservers observers = new(observer is null ? [.. _observers, .. own] : [.. _observers, .. own, observer], _warn);
        observers.RunStarted(new RunStarted(manifest.Experiment, run.FullPath, manifest.Seeds));

        Func<int, SeedOutcome> train = parallel * sharedBy > 1
            ? seed => _processes.Train(run, seed, threadsPerSeed, observers, cancellationToken)
            : seed => _trainer.Train(manifest, seed, device, run, observers, cancellationToken);
        ConcurrentDictionary<int, SeedOutcome> outcomes = new();
        void Complete(SeedOutcome outcome)
        {
            outcomes[outcome.Seed] = outcome;
            SeedPlots.Write(run, outcome.Seed, manifest.Experiment);
            observers.SeedCompleted(new SeedCompleted(outcome.Seed, outcome.Status, outcome.Success, outcome.Steps, outcome.Metrics, outcome.Message));
        }

        void TrainSeed(int seed)
        {
            // A seed not begun when the run is stopped is left out, as if never asked for.
            if (!cancellationToken.IsCancellationRequested)
            {
                if (kept.TryGetValue(seed, out SeedOutcome? earlier))
                {
                    Complete(earlier);
                    return;
                }

                observers.SeedStarted(new SeedStarted(seed));
                Complete(train(seed));
            }
        }

        int together = manifest.Training.SeedsTogether;
        if (parallel > 1)
        {
            // Each seed's thread only waits on its process; taking seeds in order keeps the first ones first.
            Parallel.ForEach(
                Partitioner.Create(manifest.Seeds, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = parallel },
                TrainSeed);
        }
        else if (together > 1 && sharedBy == 1)
        {
            foreach (int seed in manifest.Seeds.Where(kept.ContainsKey))
            {
                Complete(kept[seed]);
            }

            foreach (int[] group in manifest.Seeds.Where(s => !kept.ContainsKey(s)).Chunk(together).TakeWhile(_ => !cancellationToken.IsCancellationRequested))
            {
                IReadOnlyList<SeedOutcome> trained = group.Length == 1
                    ? [train(group[0])]
                    : _groupTrainer.Train(manifest, group, device, run, observers, cancellationToken);
                foreach (SeedOutcome outcome in trained)
                {
                    Complete(outcome);
                }
            }
        }
        else
        {
            foreach (int seed in manifest.Seeds)
            {
                TrainSeed(seed);
            }
        }

        RunResult result = new(run.FullPath, manifest.Seeds.Where(outcomes.ContainsKey).Select(s => outcomes[s]).ToList(), cancellationToken.IsCancellationRequested);
        RunSummaryFile summary = RunSummary.Build(manifest, result, started, _time.GetUtcNow());
        // The report and the run's plots come before the summary, which marks the run finished.
        RunReport.Write(run, summary, RunPlots.Write(run, manifest.Experiment, manifest.Seeds, summary));
        ResultJson.Write(run, RunSummaryFile.FileName, summary);
        observers.RunCompleted(new RunCompleted(run.FullPath, result.SuccessRate));

        return result;
    }

    /// <summary>Sets torch's thread count to the manifest's, where it names one; 0 keeps torch's default.</summary>
    internal static void SetThreads(ResolvedManifest manifest)
    {
        if (manifest.Threads > 0)
        {
            torch.set_num_threads(manifest.Threads);
        }
    }

    /// <summary>
    /// How many seeds train at once: no more than asked, than there are seeds, or, without seed
    /// processes, one; runs that share the machine (<paramref name="sharedBy"/> above one) need seed processes too.
    /// </summary>
    private int Parallelism(int asked, ResolvedManifest manifest, int? seeds = null, int sharedBy = 1)
    {
        int parallel = Math.Min(asked, seeds ?? manifest.Seeds.Count);
        if (sharedBy > 1 && !_processes.Available)
        {
            throw new AncInputException($"{sharedBy} runs at once: this application trains in its own process only (it sets no AncOptions.SeedProcess); run them one after another.");
        }

        if (parallel > 1 && !_processes.Available)
        {
            throw new AncInputException($"parallel {asked}: this application trains seeds in its own process only (it sets no AncOptions.SeedProcess); run them one after another.");
        }

        if (parallel > 1 && manifest.Training.SeedsTogether > 1)
        {
            throw new AncInputException(
                $"parallel {asked} with training.seedsTogether {manifest.Training.SeedsTogether}: seeds trained together share one process; set one of them to 1.");
        }

        return Math.Max(1, parallel);
    }

    /// <summary>Seed processes share the threads the manifest asks for (or the machine's), one each at least; one process keeps torch's setting.</summary>
    private static int ThreadsPerSeed(ResolvedManifest manifest, int parallel) =>
        parallel > 1
            ? Math.Max(1, (manifest.Threads > 0 ? manifest.Threads : Environment.ProcessorCount) / parallel)
            : manifest.Threads > 0 ? manifest.Threads : torch.get_num_threads();
}
