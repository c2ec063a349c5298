using Anc.Manifests;
using Anc.Observers;
using Anc.Runs;
using Anc.Scenarios;
using Newtonsoft.Json.Linq;
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
    /// from run to run. With <paramref name="resume"/>, goes on from the seed's latest checkpoint
    /// (or starts over where there is none). The outcome is also left in <c>seed-&lt;n&gt;/outcome.json</c>.
    /// </summary>
    public SeedOutcome Train(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken, bool resume = false)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        SeedOutcome outcome = TrainAndEvaluate(manifest, seed, device, run, progress, resume, cancellationToken);
        SeedOutcomeJson.Write(run, outcome);
        return outcome;
    }

    private SeedOutcome TrainAndEvaluate(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, bool resume, CancellationToken cancellationToken)
    {
        SeedClock clock = new();
        string seedPath = run.SeedPath(seed);
        SeedCheckpoints checkpoints = new(seedPath);
        long steps = 0;
        try
        {
            IExperiment created = _composer.CreateExperiment(manifest, seed, device, progress, cancellationToken);
            SeedCheckpoint? restored = null;
            bool restorable;
            try
            {
                restorable = !resume || TryRestore(created, checkpoints, out restored);
            }
            catch
            {
                created.Dispose();
                throw;
            }

            if (!restorable)
            {
                // Partly restored: only a new experiment (seeded afresh) starts over cleanly.
                created.Dispose();
                created = _composer.CreateExperiment(manifest, seed, device, progress, cancellationToken);
            }

            using IExperiment experiment = created;
            steps = restored?.Step ?? 0;
            clock.ContinueFrom(restored?.ElapsedSeconds ?? 0);

            if (restored is not { Final: true })
            {
                TrainingOptions training = manifest.Training;
                using MetricsLog log = new(Path.Combine(seedPath, "metrics.jsonl"), restored?.MetricsBytes ?? 0);
                for (long step = steps + 1; step <= training.MaxSteps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    RoundResult round = experiment.TrainRound(step);
                    TorchGarbage.CollectAfter(step);
                    steps = step;
                    string? divergence = Divergence.Find(round.Metrics);
                    if (step % training.LogEvery == 0 || round.StopRequested || step == training.MaxSteps || divergence is not null)
                    {
                        log.Write(step, clock.Seconds, round.Metrics);
                        progress.Report(new MetricEvent(seed, MetricPhase.Training, step, training.MaxSteps, round.Metrics));
                    }

                    if (divergence is not null)
                    {
                        return new SeedOutcome(seed, SeedStatus.Diverged, false, steps, new Dictionary<string, double>(), $"diverged at step {step}: {divergence}", clock.Seconds);
                    }

                    if (round.StopRequested)
                    {
                        break;
                    }

                    if (training.CheckpointEvery > 0 && step % training.CheckpointEvery == 0 && step < training.MaxSteps)
                    {
                        checkpoints.Save(experiment, step, clock.Seconds, log.Length, final: false);
                    }
                }

                checkpoints.Save(experiment, steps, clock.Seconds, log.Length, final: true);
            }

            EvaluationResult evaluation = experiment.Evaluate();
            run.WriteJson(Path.Combine($"seed-{seed}", "evaluation.json"), ToJson(seed, steps, evaluation));
            return new SeedOutcome(seed, SeedStatus.Completed, evaluation.Success, steps, evaluation.Metrics, evaluation.Verdict, clock.Seconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SeedOutcome(seed, SeedStatus.Cancelled, false, steps, new Dictionary<string, double>(), "stopped by the user", clock.Seconds);
        }
        catch (Exception e)
        {
            // The whole trace goes to the seed's log; the summary and the console get one line.
            run.WriteText(Path.Combine($"seed-{seed}", "error.log"), e.ToString());
            string message = e is ComponentFaultException ? e.Message : TrainingFault.Describe(e, manifest);
            return new SeedOutcome(seed, SeedStatus.Crashed, false, steps, new Dictionary<string, double>(), message, clock.Seconds);
        }
    }

    /// <summary>
    /// Restores <paramref name="experiment"/> and torch's generator from the latest checkpoint into
    /// <paramref name="restored"/>; null, to start over, where there is none or the experiment
    /// cannot resume. False where the checkpoint's files cannot be read back (another version of
    /// a plugin wrote them, or they are damaged): the experiment may be half restored, and the
    /// seed starts over with a new one rather than crash or go on from a mixture.
    /// </summary>
    private static bool TryRestore(IExperiment experiment, SeedCheckpoints checkpoints, out SeedCheckpoint? restored)
    {
        restored = null;
        if (checkpoints.Latest() is not { } latest)
        {
            return true;
        }

        try
        {
            experiment.RestoreCheckpoint(latest.Directory);
        }
        catch (NotSupportedException)
        {
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return false;
        }

        SeedCheckpoints.RestoreTorchRandom(latest);
        restored = latest;
        return true;
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
