namespace Anc.Results;

/// <summary>What <c>anc-host bench --json</c> prints: every figure of a benchmark, for scripts.</summary>
/// <param name="Manifest">The manifest benchmarked.</param>
/// <param name="Experiment">Its experiment's name.</param>
/// <param name="Scenario">Its scenario.</param>
/// <param name="Seed">The seed trained.</param>
/// <param name="Device">The torch device.</param>
/// <param name="Threads">Torch's intra-op threads.</param>
/// <param name="BatchSize">Examples per batch.</param>
/// <param name="Warmup">Rounds trained before the timing.</param>
/// <param name="Steps">Rounds timed in each repeat.</param>
/// <param name="Repeats">Timed repeats.</param>
/// <param name="EvaluationSteps">Units of the evaluation timed.</param>
/// <param name="SeedsTogether">Seeds trained as one batched program.</param>
/// <param name="StepsPerSecond">Rounds per second.</param>
/// <param name="RoundMilliseconds">A round's mean time, and by phase.</param>
/// <param name="StartupSeconds">What the process took before training, by stage.</param>
/// <param name="SeedCost">What one seed costs at the manifest's settings; null where not timed.</param>
/// <param name="Memory">The process's memory.</param>
public sealed record BenchmarkFile(
    string Manifest,
    string Experiment,
    string Scenario,
    int Seed,
    string Device,
    int Threads,
    int BatchSize,
    int Warmup,
    int Steps,
    int Repeats,
    int EvaluationSteps,
    int SeedsTogether,
    BenchmarkSpeed StepsPerSecond,
    BenchmarkRoundTime RoundMilliseconds,
    BenchmarkStartup StartupSeconds,
    BenchmarkSeedCost? SeedCost,
    BenchmarkMemory Memory);
