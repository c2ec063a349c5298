using System.Diagnostics;
using Anc.Components;
using Anc.Manifests;
using Anc.Observers;
using Anc.Runs;
using Anc.Scenarios;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Training;

/// <summary>
/// Trains and evaluates one seed: the scenario's rounds up to the step limit or its stopping
/// rule, metrics logged every <see cref="TrainingOptions.LogEvery"/> rounds, a final
/// checkpoint, then the evaluation. Writes <c>seed-&lt;n&gt;/</c> of the run directory.
/// </summary>
public sealed class SeedTrainer
{
    private readonly ExperimentComposer _composer;

    /// <summary>Creates a trainer.</summary>
    public SeedTrainer(ExperimentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        _composer = composer;
    }

    /// <summary>
    /// Trains seed <paramref name="seed"/> of <paramref name="manifest"/> on <paramref name="device"/>,
    /// reporting its figures to <paramref name="progress"/>, which is the run's: observers can differ
    /// from run to run. The outcome is also left in <c>seed-&lt;n&gt;/outcome.json</c>.
    /// </summary>
    public SeedOutcome Train(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        SeedOutcome outcome = TrainAndEvaluate(manifest, seed, device, run, progress, cancellationToken);
        run.WriteJson(Path.Combine($"seed-{seed}", "outcome.json"), SeedOutcomeJson.ToJson(outcome));
        return outcome;
    }

    private SeedOutcome TrainAndEvaluate(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        Stopwatch clock = Stopwatch.StartNew();
        string seedPath = run.SeedPath(seed);
        long steps = 0;
        try
        {
            // Initial weights come from torch's global generator; the scenario seeds its own data streams.
            torch.random.manual_seed(seed);
            (IScenario scenario, IReadOnlyDictionary<string, Party> parties, IDataGenerator? data) = _composer.Compose(manifest);
            ExperimentContext context = new(seed, device, manifest.Training, parties, progress, cancellationToken, data);
            using IExperiment experiment = scenario.CreateExperiment(context);

            TrainingOptions training = manifest.Training;
            using (MetricsLog log = new(Path.Combine(seedPath, "metrics.jsonl")))
            {
                for (long step = 1; step <= training.MaxSteps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    RoundResult round = experiment.TrainRound(step);
                    steps = step;
                    if (step % training.LogEvery == 0 || round.StopRequested || step == training.MaxSteps)
                    {
                        log.Write(step, clock.Elapsed.TotalSeconds, round.Metrics);
                        progress.Report(new MetricEvent(seed, MetricPhase.Training, step, training.MaxSteps, round.Metrics));
                    }

                    if (round.StopRequested)
                    {
                        break;
                    }
                }
            }

            string checkpoint = Path.Combine(seedPath, "checkpoints", "final");
            Directory.CreateDirectory(checkpoint);
            experiment.SaveCheckpoint(checkpoint);

            EvaluationResult evaluation = experiment.Evaluate();
            run.WriteJson(Path.Combine($"seed-{seed}", "evaluation.json"), ToJson(seed, steps, evaluation));
            return new SeedOutcome(seed, SeedStatus.Completed, evaluation.Success, steps, evaluation.Metrics, evaluation.Verdict, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SeedOutcome(seed, SeedStatus.Cancelled, false, steps, new Dictionary<string, double>(), "stopped by the user", clock.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            // The whole trace goes to the seed's log; the summary and the console get one line.
            File.WriteAllText(Path.Combine(seedPath, "error.log"), e.ToString());
            string message = e is ComponentFaultException ? e.Message : $"{e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()}";
            return new SeedOutcome(seed, SeedStatus.Crashed, false, steps, new Dictionary<string, double>(), message, clock.Elapsed.TotalSeconds);
        }
    }

    private static JObject ToJson(int seed, long steps, EvaluationResult evaluation) => new()
    {
        ["seed"] = seed,
        ["trainingSteps"] = steps,
        ["success"] = evaluation.Success,
        ["verdict"] = evaluation.Verdict,
        ["metrics"] = JObject.FromObject(evaluation.Metrics),
        ["adversaries"] = new JArray(evaluation.Adversaries.Select(a => new JObject
        {
            ["name"] = a.Name,
            ["best"] = a.Best,
            ["steps"] = a.Steps,
            ["history"] = new JArray(a.History.Select(p => new JObject { ["step"] = p.Step, ["value"] = p.Value })),
        })),
    };
}
