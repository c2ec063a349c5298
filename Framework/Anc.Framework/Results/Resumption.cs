using Anc.Kernels;

namespace Anc.Results;

/// <summary>One time a run was resumed, in <see cref="EnvironmentFile"/>.</summary>
/// <param name="At">When.</param>
/// <param name="CommandLine">The command line that resumed it.</param>
/// <param name="Parallel">Seeds trained at once.</param>
/// <param name="ThreadsPerSeed">Torch's threads per seed.</param>
/// <param name="SeedsKept">The seeds that had finished and kept their outcome.</param>
/// <param name="Kernels">Torch's float32 kernels as the resuming process found them.</param>
public sealed record Resumption(DateTimeOffset At, IReadOnlyList<string> CommandLine, int Parallel, int ThreadsPerSeed, IReadOnlyList<int> SeedsKept, KernelReport Kernels);
