namespace Anc.Benchmarking;

/// <summary>One timed stretch of training rounds.</summary>
/// <param name="Steps">The rounds trained.</param>
/// <param name="Elapsed">Wall-clock time of those rounds.</param>
/// <param name="Phases">
/// Time in each phase the experiment reports (<see cref="Scenarios.IRoundTimings"/>), in its
/// order, over those rounds; empty where the experiment does not split its rounds.
/// </param>
/// <param name="LastStep">The number of the repeat's last round, warm-up rounds counted.</param>
/// <param name="ResidentBytes">The process's resident memory right after the repeat: over many repeats, whether memory stays flat.</param>
public sealed record BenchmarkRepeat(int Steps, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Phases, long LastStep, long ResidentBytes)
{
    /// <summary>Rounds per second.</summary>
    public double StepsPerSecond => Steps / Elapsed.TotalSeconds;
}
