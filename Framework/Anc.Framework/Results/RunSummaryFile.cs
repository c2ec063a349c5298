namespace Anc.Results;

/// <summary>
/// <c>summary.json</c>, written last, so a run that has one has finished: how it went, the
/// success rate with its 95% Wilson interval, every final figure over the seeds that completed,
/// and each seed's outcome.
/// </summary>
/// <param name="Experiment">The manifest's experiment.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Status">How the run stands (<see cref="RunStatus"/>).</param>
/// <param name="StartedAt">When it first started (a resumed run keeps its first start).</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="DurationSeconds">From start to finish, to the millisecond.</param>
/// <param name="Seeds">How many seeds the manifest has.</param>
/// <param name="Succeeded">How many met their criteria.</param>
/// <param name="SuccessRate">The share that did, of the seeds that ran.</param>
/// <param name="SuccessRateLow">The 95% Wilson interval's lower end.</param>
/// <param name="SuccessRateHigh">Its upper end.</param>
/// <param name="Criterion">The criterion the seeds were judged by, as their scenario named it; null where none was.</param>
/// <param name="Metrics">Each final figure over the seeds that completed, by name.</param>
/// <param name="Runs">Each seed's outcome, in the manifest's order.</param>
public sealed record RunSummaryFile(
    string Experiment,
    string Scenario,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double DurationSeconds,
    int Seeds,
    int Succeeded,
    double SuccessRate,
    double SuccessRateLow,
    double SuccessRateHigh,
    string? Criterion,
    IReadOnlyDictionary<string, FigureStatistics> Metrics,
    IReadOnlyList<SeedOutcomeFile> Runs)
{
    /// <summary>The file's name in a run directory.</summary>
    public const string FileName = "summary.json";

    /// <summary>The summary of the run in <paramref name="runDirectory"/>, or null where it has not finished.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The file is not a summary; the message names it.</exception>
    public static RunSummaryFile? ReadIfExists(string runDirectory) =>
        ResultJson.ReadIfExists<RunSummaryFile>(Path.Combine(runDirectory, FileName));
}
