using Anc.Manifests;
using Anc.Observers;
using Anc.Results;
using Anc.Resume;
using Anc.Runs;
using Anc.Scenarios;
using Anc.Torch;
using static TorchSharp.torch;

namespace Anc.Training.Engine;

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
    /// from run to run. Goes on from the seed's latest checkpoint where its folder has one
    /// (<see cref="SeedResumption"/>). The outcome is also left in <c>seed-&lt;n&gt;/outcome.json</c>.
    /// </summary>
    public SeedOutcome Train(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        SeedOutcome outcome = TrainAndEvaluate(manifest, seed, device, run, progress, cancellationToken);
        SeedOutcomeFile.Write(run, outcome);
        return outcome;
    }

    private SeedOutcome TrainAndEvaluate(ResolvedManifest manifest, int seed, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        SeedClock clock = new();
        SeedCheckpoints checkpoints = new(run.SeedPath(seed));
        long steps = 0;
        try
        {
            (IExperiment created, SeedCheckpoint? restored) = SeedResumption.Start(_composer, manifest, seed, device, checkpoints, progress, cancellationToken);
            using IExperiment experiment = created;
            steps = restored?.Step ?? 0;
            clock.ContinueFrom(restored?.ElapsedSeconds ?? 0);

            if (restored is not { Final: true })
            {
                TrainingOptions training = manifest.Training;
                using MetricsLog log = new(Path.Combine(run.SeedPath(seed), "metrics.jsonl"), restored?.MetricsBytes ?? 0);
                for (long step = steps + 1; step <= training.MaxSteps; step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    RoundResult round = experiment.TrainRound(step);
                    TorchGarbage.CollectAfter(step);
                    steps = step;
                    string? divergence = Divergence.Find(round.Metrics);
                    if (SeedLifecycle.Logs(training, step, round, divergence))
                    {
                        log.Write(step, clock.Seconds, round.Metrics);
                        progress.Report(new MetricEvent(seed, MetricPhase.Training, step, training.MaxSteps, round.Metrics));
                    }

                    if (divergence is not null)
                    {
                        return SeedLifecycle.Diverged(seed, steps, divergence, clock.Seconds);
                    }

                    if (round.StopRequested)
                    {
                        break;
                    }

                    if (SeedLifecycle.CheckpointDue(training, step))
                    {
                        checkpoints.Save(experiment, step, clock.Seconds, log.Length, final: false);
                    }
                }

                checkpoints.Save(experiment, steps, clock.Seconds, log.Length, final: true);
            }

            return SeedLifecycle.Evaluated(run, seed, steps, experiment.Evaluate(), clock.Seconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SeedLifecycle.Cancelled(seed, steps, clock.Seconds);
        }
        catch (Exception e)
        {
            return SeedLifecycle.Crashed(run, manifest, seed, steps, e, clock.Seconds);
        }
    }
}
