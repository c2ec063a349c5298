using System.Collections.Concurrent;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Plugins;
using Anc.Reports;
using Anc.Runs;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Training;

/// <summary>
/// Runs a resolved manifest: creates the run directory, writes the resolved manifest and the
/// environment, trains each seed (one failing seed never loses the others), and writes the
/// summary last, so a run with a <c>summary.json</c> is a finished one. Seeds train in this
/// process one after another, or several at a time each in a process of its own
/// (<see cref="SeedProcesses"/>). It runs on the calling thread; <see cref="IExperimentRunner"/>
/// is the public way in.
/// </summary>
internal sealed class ExperimentRunner
{
    private readonly SeedTrainer _trainer;
    private readonly SeedProcesses _processes;
    private readonly PluginCatalog _catalog;
    private readonly TorchDevices _devices;
    private readonly IRunObserver[] _observers;
    private readonly TimeProvider _time;

    public ExperimentRunner(SeedTrainer trainer, SeedProcesses processes, PluginCatalog catalog, TorchDevices devices, IEnumerable<IRunObserver> observers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(time);
        _trainer = trainer;
        _processes = processes;
        _catalog = catalog;
        _devices = devices;
        _observers = observers.ToArray();
        _time = time;
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
        int parallel = Math.Min(settings.Parallel, manifest.Seeds.Count);
        if (parallel > 1 && !_processes.Available)
        {
            throw new AncInputException($"parallel {settings.Parallel}: this application trains seeds in its own process only (it sets no AncOptions.SeedProcess); run them one after another.");
        }

        Device device = _devices.Resolve(manifest.Device);
        if (manifest.Threads > 0)
        {
            torch.set_num_threads(manifest.Threads);
        }

        // Seed processes share the threads the manifest asks for (or the machine's), one each at least.
        int threadsPerSeed = Math.Max(1, (manifest.Threads > 0 ? manifest.Threads : Environment.ProcessorCount) / parallel);
        DateTimeOffset started = _time.GetUtcNow();
        RunDirectory run;
        try
        {
            run = RunDirectory.Create(settings.OutputRoot, manifest.Experiment, started);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AncInputException($"{settings.OutputRoot}: cannot create a run directory there ({e.Message}); choose another --output.");
        }

        IRunObserver[] own = [new Heartbeat(run, _time), new TensorBoardLog(run.FullPath)];
        RunObservers observers = new(observer is null ? [.. _observers, .. own] : [.. _observers, .. own, observer]);
        run.WriteJson("manifest.json", manifest.ToJson());
        JObject environment = RunEnvironment.Describe(manifest, _catalog, device, commandLine);
        environment["parallel"] = parallel;
        environment["threadsPerSeed"] = parallel > 1 ? threadsPerSeed : torch.get_num_threads();
        run.WriteJson("environment.json", environment);
        observers.RunStarted(new RunStarted(manifest.Experiment, run.FullPath, manifest.Seeds));

        Func<int, SeedOutcome> train = parallel > 1
            ? seed => _processes.Train(run, seed, threadsPerSeed, observers, cancellationToken)
            : seed => _trainer.Train(manifest, seed, device, run, observers, cancellationToken);
        ConcurrentDictionary<int, SeedOutcome> outcomes = new();
        void TrainSeed(int seed)
        {
            // A seed not begun when the run is stopped is left out, as if never asked for.
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            SeedOutcome outcome = train(seed);
            outcomes[seed] = outcome;
            SeedPlots.Write(run, seed, manifest.Experiment);
            observers.SeedCompleted(new SeedCompleted(seed, outcome.Status, outcome.Success, outcome.Steps, outcome.Metrics, outcome.Message));
        }

        if (parallel > 1)
        {
            // Each seed's thread only waits on its process; taking seeds in order keeps the first ones first.
            Parallel.ForEach(
                Partitioner.Create(manifest.Seeds, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = parallel },
                TrainSeed);
        }
        else
        {
            foreach (int seed in manifest.Seeds)
            {
                TrainSeed(seed);
            }
        }

        RunResult result = new(run.FullPath, manifest.Seeds.Where(outcomes.ContainsKey).Select(s => outcomes[s]).ToList(), cancellationToken.IsCancellationRequested);
        JObject summary = RunSummary.Build(manifest, result, started, _time.GetUtcNow());
        // The report and the run's plots come before the summary, which marks the run finished.
        RunReport.Write(run, summary, RunPlots.Write(run, manifest.Experiment, manifest.Seeds, summary));
        run.WriteJson("summary.json", summary);
        observers.RunCompleted(new RunCompleted(run.FullPath, result.SuccessRate));

        return result;
    }
}
