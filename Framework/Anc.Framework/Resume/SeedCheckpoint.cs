namespace Anc.Resume;

/// <summary>A checkpoint a seed can resume from.</summary>
/// <param name="Directory">Its folder.</param>
/// <param name="Step">The last round trained before it was written.</param>
/// <param name="ElapsedSeconds">The seed's training time when it was written, which the resumed seed's clock continues from.</param>
/// <param name="MetricsBytes">How long <c>metrics.jsonl</c> was then; a resumed seed cuts it back to this and goes on.</param>
/// <param name="Final">Whether training had ended: the seed resumes with its evaluation.</param>
public sealed record SeedCheckpoint(string Directory, long Step, double ElapsedSeconds, long MetricsBytes, bool Final);
