using Anc.Results;

namespace Anc.Sweeps;

/// <summary>How a sweep went: its folder, its summary, and how many trials this invocation trained.</summary>
/// <param name="Directory">The sweep's folder.</param>
/// <param name="Summary">Its <c>summary.json</c>.</param>
/// <param name="Trained">Trials trained (or resumed) now.</param>
/// <param name="Skipped">Trials that had finished before.</param>
public sealed record SweepResult(string Directory, SweepSummaryFile Summary, int Trained, int Skipped)
{
    /// <summary>Whether every trial has finished.</summary>
    public bool Complete => Summary.Status == SweepSummaryFile.Complete;

    /// <summary>Whether a trial's seed crashed.</summary>
    public bool AnyCrashed => Summary.Settings.Any(s => s.Crashed > 0);
}
