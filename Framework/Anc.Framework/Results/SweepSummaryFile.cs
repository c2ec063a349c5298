namespace Anc.Results;

/// <summary>
/// A sweep's <c>summary.json</c>, written whenever trials finish: per setting, its trials
/// finished and succeeded, the success rate with its 95% Wilson interval, and each final figure
/// over its completed trials. <see cref="Status"/> says <c>complete</c> only when every trial has finished.
/// </summary>
/// <param name="Sweep">The sweep's name.</param>
/// <param name="Manifest">The base manifest.</param>
/// <param name="Status"><see cref="Complete"/> or <see cref="Incomplete"/>.</param>
/// <param name="Trials">The plan's trials.</param>
/// <param name="Finished">Those finished.</param>
/// <param name="Settings">Each setting's figures, in the plan's order.</param>
public sealed record SweepSummaryFile(string Sweep, string Manifest, string Status, int Trials, int Finished, IReadOnlyList<SettingSummary> Settings)
{
    /// <summary>Every trial of the plan has finished.</summary>
    public const string Complete = "complete";

    /// <summary>Trials remain; the figures are those of the finished ones.</summary>
    public const string Incomplete = "incomplete";
}
