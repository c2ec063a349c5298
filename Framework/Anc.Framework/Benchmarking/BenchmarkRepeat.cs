namespace Anc.Benchmarking;

/// <summary>One timed stretch of training rounds.</summary>
/// <param name="Steps">The rounds trained.</param>
/// <param name="Elapsed">Wall-clock time of those rounds.</param>
/// <param name="Phases">
/// Time in each phase the experiment reports (<see cref="Scenarios.IRoundTimings"/>), in its
/// order, over those rounds; empty where the experiment does not split its rounds.
/// </param>
public sealed record BenchmarkRepeat(int Steps, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Phases)
{
    /// <summary>Rounds per second.</summary>
    public double StepsPerSecond => Steps / Elapsed.TotalSeconds;
}
