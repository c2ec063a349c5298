namespace Anc.Benchmarking;

/// <summary>How a <see cref="TrainingBenchmark"/> measures: rounds not timed first, then several timed stretches of rounds.</summary>
/// <param name="Steps">Training rounds in each timed repeat; 1 or more.</param>
/// <param name="Warmup">
/// Rounds trained before timing starts (allocator, caches, torch's lazy set-up); 0 or more. The
/// first round is always trained before timing, timed apart for start-up: 0 trains it all the same.
/// </param>
/// <param name="Repeats">How many timed stretches of <paramref name="Steps"/> rounds; 1 or more.</param>
/// <param name="Together">
/// How many seeds to train as one batched program (<see cref="Scenarios.ISeedBatchScenario"/>):
/// the manifest's first seed and those after it; 1 (default) trains the first seed alone.
/// </param>
/// <param name="EvaluationSteps">
/// Units of the evaluation's work to time after the rounds (<see cref="Scenarios.IEvaluationWork"/>,
/// for example fresh-Eve steps), for <see cref="BenchmarkResult.SeedCost"/>; 0 times none.
/// </param>
public sealed record BenchmarkSettings(int Steps = 100, int Warmup = 20, int Repeats = 3, int Together = 1, int EvaluationSteps = 50)
{
    /// <summary>The rounds actually trained before timing: <see cref="Warmup"/>, and at least the first.</summary>
    public int WarmupRounds => Math.Max(Warmup, 1);

    /// <summary>Throws unless every figure is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A figure is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfNegative(Warmup, nameof(Warmup));
        ArgumentOutOfRangeException.ThrowIfLessThan(Repeats, 1, nameof(Repeats));
        ArgumentOutOfRangeException.ThrowIfLessThan(Together, 1, nameof(Together));
        ArgumentOutOfRangeException.ThrowIfNegative(EvaluationSteps, nameof(EvaluationSteps));
    }
}
