using Anc.Manifests;
using Anc.Observers;
using Anc.Runs;
using Anc.Scenarios;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace Anc.Training;

/// <summary>
/// The beginning and the endings of a seed, the same whether it trains alone
/// (<see cref="SeedTrainer"/>) or with others (<see cref="SeedGroupTrainer"/>): its experiment
/// created or resumed, and the outcome of each way it can end.
/// </summary>
internal static class SeedLifecycle
{
    /// <summary>
    /// Creates seed <paramref name="seed"/>'s experiment and, with <paramref name="resume"/>, restores
    /// it and torch's generator from its latest checkpoint (null where there is none, or the
    /// experiment cannot resume). A checkpoint whose files cannot be read back (another version of
    /// a plugin wrote them, or they are damaged) may leave the experiment half restored, so the
    /// seed starts over with a new one rather than crash or go on from a mixture.
    /// </summary>
    public static (IExperiment Experiment, SeedCheckpoint? Restored) Start(
        ExperimentComposer composer, ResolvedManifest manifest, int seed, Device device, SeedCheckpoints checkpoints, IProgress<MetricEvent> progress, bool resume, CancellationToken cancellationToken)
    {
        IExperiment created = composer.CreateExperiment(manifest, seed, device, progress, cancellationToken);
        if (!resume || checkpoints.Latest() is not { } latest)
        {
            return (created, null);
        }

        try
        {
            created.RestoreCheckpoint(latest.Directory);
        }
        catch (NotSupportedException)
        {
            return (created, null);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            created.Dispose();
            return (composer.CreateExperiment(manifest, seed, device, progress, cancellationToken), null);
        }
        catch
        {
            created.Dispose();
            throw;
        }

        SeedCheckpoints.RestoreTorchRandom(latest);
        return (created, latest);
    }

    /// <summary>Writes <c>seed-&lt;n&gt;/evaluation.json</c> and gives the completed seed's outcome.</summary>
    public static SeedOutcome Evaluated(RunDirectory run, int seed, long steps, EvaluationResult evaluation, double seconds)
    {
        run.WriteJson(Path.Combine($"seed-{seed}", "evaluation.json"), ToJson(seed, steps, evaluation));
        return new SeedOutcome(seed, SeedStatus.Completed, evaluation.Success, steps, evaluation.Metrics, evaluation.Verdict, seconds) { Criterion = evaluation.Criterion };
    }

    public static SeedOutcome Diverged(int seed, long steps, string divergence, double seconds) =>
        new(seed, SeedStatus.Diverged, false, steps, new Dictionary<string, double>(), $"diverged at step {steps}: {divergence}", seconds);

    public static SeedOutcome Cancelled(int seed, long steps, double seconds) =>
        new(seed, SeedStatus.Cancelled, false, steps, new Dictionary<string, double>(), "stopped by the user", seconds);

    /// <summary>The whole trace goes to the seed's <c>error.log</c>; the outcome, the summary and the console get one line.</summary>
    public static SeedOutcome Crashed(RunDirectory run, ResolvedManifest manifest, int seed, long steps, Exception e, double seconds)
    {
        run.WriteText(Path.Combine($"seed-{seed}", "error.log"), e.ToString());
        string message = e is ComponentFaultException ? e.Message : TrainingFault.Describe(e, manifest);
        return new SeedOutcome(seed, SeedStatus.Crashed, false, steps, new Dictionary<string, double>(), message, seconds);
    }

    /// <summary>Whether round <paramref name="step"/>'s figures are logged: every log interval, and at the last round, a stop or a divergence.</summary>
    public static bool Logs(TrainingOptions training, long step, RoundResult round, string? divergence) =>
        step % training.LogEvery == 0 || round.StopRequested || step == training.MaxSteps || divergence is not null;

    /// <summary>Whether a checkpoint to resume from is due after round <paramref name="step"/> (the final one is written apart).</summary>
    public static bool CheckpointDue(TrainingOptions training, long step) =>
        training.CheckpointEvery > 0 && step % training.CheckpointEvery == 0 && step < training.MaxSteps;

    private static JObject ToJson(int seed, long steps, EvaluationResult evaluation) => new()
    {
        ["seed"] = seed,
        ["trainingSteps"] = steps,
        ["success"] = evaluation.Success,
        ["criterion"] = evaluation.Criterion,
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
