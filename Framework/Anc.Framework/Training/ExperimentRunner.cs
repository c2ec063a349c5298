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
/// summary last, so a run with a <c>summary.json</c> is a finished one. It runs on the calling
/// thread; <see cref="IExperimentRunner"/> is the public way in.
/// </summary>
internal sealed class ExperimentRunner
{
    private readonly SeedTrainer _trainer;
    private readonly PluginCatalog _catalog;
    private readonly TorchDevices _devices;
    private readonly IRunObserver[] _observers;
    private readonly TimeProvider _time;

    public ExperimentRunner(SeedTrainer trainer, PluginCatalog catalog, TorchDevices devices, IEnumerable<IRunObserver> observers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(time);
        _trainer = trainer;
        _catalog = catalog;
        _devices = devices;
        _observers = observers.ToArray();
        _time = time;
    }

    /// <summary>
    /// Runs every seed of <paramref name="manifest"/> into a new folder under <paramref name="outputRoot"/>,
    /// reporting to the registered observers and to <paramref name="observer"/>, this run's own.
    /// </summary>
    public RunResult Run(ResolvedManifest manifest, string outputRoot, IReadOnlyList<string> commandLine, IRunObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputRoot);
        ArgumentNullException.ThrowIfNull(commandLine);
        Device device = _devices.Resolve(manifest.Device);
        if (manifest.Threads > 0)
        {
            torch.set_num_threads(manifest.Threads);
        }

        DateTimeOffset started = _time.GetUtcNow();
        RunDirectory run;
        try
        {
            run = RunDirectory.Create(outputRoot, manifest.Experiment, started);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AncInputException($"{outputRoot}: cannot create a run directory there ({e.Message}); choose another --output.");
        }

        IRunObserver[] own = [new Heartbeat(run, _time), new TensorBoardLog(run.FullPath)];
        RunObservers observers = new(observer is null ? [.. _observers, .. own] : [.. _observers, .. own, observer]);
        run.WriteJson("manifest.json", manifest.ToJson());
        run.WriteJson("environment.json", RunEnvironment.Describe(manifest, _catalog, device, commandLine));
        observers.RunStarted(new RunStarted(manifest.Experiment, run.FullPath, manifest.Seeds));

        List<SeedOutcome> outcomes = [];
        foreach (int seed in manifest.Seeds)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            SeedOutcome outcome = _trainer.Train(manifest, seed, device, run, observers, cancellationToken);
            outcomes.Add(outcome);
            SeedPlots.Write(run, seed, manifest.Experiment);
            observers.SeedCompleted(new SeedCompleted(seed, outcome.Status, outcome.Success, outcome.Steps, outcome.Metrics, outcome.Message));
        }

        RunResult result = new(run.FullPath, outcomes, cancellationToken.IsCancellationRequested);
        JObject summary = RunSummary.Build(manifest, result, started, _time.GetUtcNow());
        // The report and the run's plots come before the summary, which marks the run finished.
        RunReport.Write(run, summary, RunPlots.Write(run, manifest.Experiment, manifest.Seeds, summary));
        run.WriteJson("summary.json", summary);
        observers.RunCompleted(new RunCompleted(run.FullPath, result.SuccessRate));

        return result;
    }
}
