using Anc.Manifests;
using Anc.Statistics;
using Newtonsoft.Json.Linq;

namespace Anc.Training.Engine;

/// <summary>
/// <c>summary.json</c>: how the run went, the success rate with its 95% Wilson interval, the
/// median, minimum and maximum of every final figure over the seeds that completed, and each
/// seed's outcome.
/// </summary>
internal static class RunSummary
{
    public static JObject Build(ResolvedManifest manifest, RunResult result, DateTimeOffset started, DateTimeOffset finished)
    {
        int succeeded = result.Seeds.Count(s => s.Success);
        (double low, double high) = WilsonInterval.Of(succeeded, result.Seeds.Count);
        return new JObject
        {
            ["experiment"] = manifest.Experiment,
            ["scenario"] = manifest.Scenario.Descriptor.Name,
            ["status"] = result.Cancelled ? SeedStatus.Cancelled : result.Seeds.Any(s => s.Status == SeedStatus.Crashed) ? "completed-with-crashes" : SeedStatus.Completed,
            ["startedAt"] = started.ToString("O"),
            ["finishedAt"] = finished.ToString("O"),
            ["durationSeconds"] = Math.Round((finished - started).TotalSeconds, 3),
            ["seeds"] = manifest.Seeds.Count,
            ["succeeded"] = succeeded,
            ["successRate"] = result.SuccessRate,
            ["successRateLow"] = Math.Round(low, 4),
            ["successRateHigh"] = Math.Round(high, 4),
            ["criterion"] = Criterion(result.Seeds),
            ["metrics"] = Statistics(result.Seeds.Where(s => s.Status == SeedStatus.Completed).ToList()),
            ["runs"] = new JArray(result.Seeds.Select(SeedOutcomeJson.ToJson)),
        };
    }

    /// <summary>
    /// The criterion the seeds were judged by, as their scenario named it: one phrase (every seed
    /// of a manifest is judged alike), or null where none was named.
    /// </summary>
    private static string? Criterion(IReadOnlyList<SeedOutcome> seeds) =>
        string.Join("; ", seeds.Select(s => s.Criterion).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } named ? named : null;

    /// <summary>Per figure: median, min, max, and over how many seeds (a figure some seeds lack counts only theirs).</summary>
    public static JObject Statistics(IReadOnlyList<SeedOutcome> completed)
    {
        JObject statistics = [];
        foreach (string name in completed.SelectMany(s => s.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            double[] values = completed.Where(s => s.Metrics.ContainsKey(name)).Select(s => s.Metrics[name]).Order().ToArray();
            statistics[name] = new JObject
            {
                ["median"] = Median(values),
                ["min"] = values[0],
                ["max"] = values[^1],
                ["seeds"] = values.Length,
            };
        }

        return statistics;
    }

    /// <summary>The median of sorted values.</summary>
    public static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
