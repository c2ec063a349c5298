using Anc.Manifests;
using Anc.Results;
using Anc.Runs;
using Anc.Scenarios;

namespace Anc.Training.Engine;

/// <summary>
/// The endings of a seed, the same whether it trains alone (<see cref="SeedTrainer"/>) or with
/// others (<see cref="SeedGroupTrainer"/>): the outcome of each way it can end, and when its
/// figures are logged and its checkpoints written (its beginning is <see cref="Resume.SeedResumption"/>).
/// </summary>
internal static class SeedLifecycle
{
    /// <summary>Writes <c>seed-&lt;n&gt;/evaluation.json</c> and gives the completed seed's outcome.</summary>
    public static SeedOutcome Evaluated(RunDirectory run, int seed, long steps, EvaluationResult evaluation, double seconds)
    {
        ResultJson.Write(
            run,
            Path.Combine($"seed-{seed}", EvaluationFile.FileName),
            new EvaluationFile(seed, steps, evaluation.Success, evaluation.Criterion, evaluation.Verdict, evaluation.Metrics, evaluation.Adversaries));
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
}
