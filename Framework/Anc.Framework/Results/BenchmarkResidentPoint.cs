namespace Anc.Results;

/// <summary>A process's resident set after a benchmark's repeat.</summary>
/// <param name="Step">The repeat's last round, warm-up rounds counted.</param>
/// <param name="ResidentBytes">The resident set then.</param>
public sealed record BenchmarkResidentPoint(long Step, long ResidentBytes);
