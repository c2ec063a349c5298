namespace Anc.Results;

/// <summary>A benchmark's rounds per second over its repeats.</summary>
/// <param name="Median">The median repeat's.</param>
/// <param name="Min">The slowest repeat's.</param>
/// <param name="Max">The fastest repeat's.</param>
/// <param name="Repeats">Each repeat's, in order.</param>
public sealed record BenchmarkSpeed(double Median, double Min, double Max, IReadOnlyList<double> Repeats);
