namespace Anc.Results;

/// <summary>A benchmark's mean round, in milliseconds.</summary>
/// <param name="Mean">The whole round.</param>
/// <param name="Phases">Each phase the experiment reports, and <c>other</c> for the rest of the round.</param>
public sealed record BenchmarkRoundTime(double Mean, IReadOnlyDictionary<string, double> Phases);
