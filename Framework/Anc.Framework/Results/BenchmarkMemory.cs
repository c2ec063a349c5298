namespace Anc.Results;

/// <summary>A benchmark process's memory.</summary>
/// <param name="PeakResidentBytes">Its peak resident set.</param>
/// <param name="ResidentBytes">Its resident set at the end.</param>
/// <param name="Source">Where the figures were read.</param>
/// <param name="ManagedHeapBytes">The managed heap at the end.</param>
/// <param name="ResidentAfterRepeats">The resident set after each repeat: whether memory stays flat.</param>
public sealed record BenchmarkMemory(long PeakResidentBytes, long ResidentBytes, string Source, long ManagedHeapBytes, IReadOnlyList<BenchmarkResidentPoint> ResidentAfterRepeats);
