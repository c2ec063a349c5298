using Newtonsoft.Json.Linq;

namespace Anc.Results;

/// <summary>A setting of <see cref="SweepSummaryFile"/>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Label">Its changes as people read them.</param>
/// <param name="Overrides">Its changes to the base manifest.</param>
/// <param name="Trials">Its trials (one per seed).</param>
/// <param name="Finished">Those finished.</param>
/// <param name="Succeeded">Those that met their criteria.</param>
/// <param name="Crashed">Those whose seed crashed.</param>
/// <param name="SuccessRate">The share that succeeded of those finished; null before any finished.</param>
/// <param name="SuccessRateLow">The 95% Wilson interval's lower end.</param>
/// <param name="SuccessRateHigh">Its upper end.</param>
/// <param name="Metrics">Each final figure over its completed trials.</param>
public sealed record SettingSummary(
    string Id,
    string Label,
    IReadOnlyDictionary<string, JToken> Overrides,
    int Trials,
    int Finished,
    int Succeeded,
    int Crashed,
    double? SuccessRate,
    double SuccessRateLow,
    double SuccessRateHigh,
    IReadOnlyDictionary<string, FigureStatistics> Metrics);
