namespace Anc.Results;

/// <summary>
/// A checkpoint's <c>checkpoint.json</c>, written last into its folder, so a checkpoint with one is whole.
/// </summary>
/// <param name="Step">The last round trained before it was written.</param>
/// <param name="ElapsedSeconds">The seed's training time then.</param>
/// <param name="MetricsBytes">How long <c>metrics.jsonl</c> was then.</param>
/// <param name="Final">Whether training had ended.</param>
public sealed record CheckpointStateFile(long Step, double ElapsedSeconds, long MetricsBytes, bool Final)
{
    /// <summary>The file's name in a checkpoint's folder.</summary>
    public const string FileName = "checkpoint.json";
}
