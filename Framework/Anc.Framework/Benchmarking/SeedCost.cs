namespace Anc.Benchmarking;

/// <summary>
/// What one seed costs at the manifest's settings, from timed work: every round up to the step
/// limit at the measured round time (shared by the seeds trained together), then the evaluation's
/// units at their measured time. A ceiling where a stopping rule may end training sooner.
/// </summary>
/// <param name="Rounds">The manifest's step limit.</param>
/// <param name="RoundTime">A round's measured mean time.</param>
/// <param name="Together">Seeds trained together, which share each round's time.</param>
/// <param name="Evaluation">What was timed of the evaluation.</param>
public sealed record SeedCost(long Rounds, TimeSpan RoundTime, int Together, EvaluationTiming Evaluation)
{
    /// <summary>The rounds' share of one seed.</summary>
    public TimeSpan Training => RoundTime * Rounds / Together;

    /// <summary>The evaluation's time.</summary>
    public TimeSpan EvaluationTime => Evaluation.UnitTime * Evaluation.Units;

    /// <summary>The whole seed.</summary>
    public TimeSpan Total => Training + EvaluationTime;
}
