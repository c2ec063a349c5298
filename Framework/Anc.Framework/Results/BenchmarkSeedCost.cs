namespace Anc.Results;

/// <summary>What one seed costs at a manifest's settings, from a benchmark's timings.</summary>
/// <param name="Rounds">The manifest's rounds.</param>
/// <param name="RoundMilliseconds">A round's measured mean time.</param>
/// <param name="SeedsTogether">Seeds that share each round.</param>
/// <param name="TrainingSeconds">Training's time, at most.</param>
/// <param name="EvaluationUnit">What one unit of the evaluation is.</param>
/// <param name="EvaluationUnits">How many units the evaluation does.</param>
/// <param name="EvaluationUnitMilliseconds">A unit's measured mean time.</param>
/// <param name="EvaluationSeconds">The evaluation's time.</param>
/// <param name="TotalSeconds">Training and evaluation.</param>
public sealed record BenchmarkSeedCost(
    long Rounds,
    double RoundMilliseconds,
    int SeedsTogether,
    double TrainingSeconds,
    string EvaluationUnit,
    long EvaluationUnits,
    double EvaluationUnitMilliseconds,
    double EvaluationSeconds,
    double TotalSeconds);
