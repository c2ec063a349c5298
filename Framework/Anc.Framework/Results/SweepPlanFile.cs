namespace Anc.Results;

/// <summary><c>sweep.json</c>: a sweep's plan, written when it starts: its settings with their changes, and its trials with their folders.</summary>
/// <param name="Sweep">The sweep's name.</param>
/// <param name="File">The sweep file it was read from.</param>
/// <param name="Manifest">The base manifest.</param>
/// <param name="Seeds">The seeds every setting trains.</param>
/// <param name="Settings">The settings, in order.</param>
/// <param name="Trials">The trials, settings times seeds.</param>
public sealed record SweepPlanFile(string Sweep, string File, string Manifest, IReadOnlyList<int> Seeds, IReadOnlyList<PlannedSetting> Settings, IReadOnlyList<PlannedTrial> Trials)
{
    /// <summary>The file's name in a sweep's folder.</summary>
    public const string FileName = "sweep.json";
}
