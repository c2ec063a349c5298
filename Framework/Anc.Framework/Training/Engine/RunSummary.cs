using Anc.Manifests;
using Anc.Results;
using Anc.Statistics;

namespace Anc.Training.Engine;

/// <summary>
/// <c>summary.json</c>: how the run went, the success rate with its 95% Wilson interval, the
/// median, minimum and maximum of every final figure over the seeds that completed, and each
/// seed's outcome.
/// </summary>
internal static class RunSummary
{
    public static RunSummaryFile Build(ResolvedManifest manifest, RunResult result, DateTimeOffset started, DateTimeOffset finished)
    {
        int succeeded = result.Seeds.Count(s => s.Success);
        (double low, double high) = WilsonInterval.Of(succeeded, result.Seeds.Count);
        string status = result.Cancelled ? RunStatus.Cancelled : result.Seeds.Any(s => s.Status == SeedStatus.Crashed) ? RunStatus.CompletedWithCrashes : RunStatus.Completed;
        return new RunSummaryFile(
            manifest.Experiment,
            manifest.Scenario.Descriptor.Name,
            status,
            started,
            finished,
            Math.Round((finished - started).TotalSeconds, 3),
            manifest.Seeds.Count,
            succeeded,
            result.SuccessRate,
            Math.Round(low, 4),
            Math.Round(high, 4),
            Criterion(result.Seeds),
            Statistics(result.Seeds.Where(s => s.Status == SeedStatus.Completed).ToList()),
            result.Seeds.Select(SeedOutcomeFile.From).ToList());
    }

    /// <summary>
    /// The criterion the seeds were judged by, as their scenario named it: one phrase (every seed
    /// of a manifest is judged alike), or null where none was named.
    /// </summary>
    private static string? Criterion(IReadOnlyList<SeedOutcome> seeds) =>
        string.Join("; ", seeds.Select(s => s.Criterion).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } named ? named : null;

    /// <summary>Per figure, by name in order: median, min, max, and over how many seeds (a figure some seeds lack counts only theirs).</summary>
    public static IReadOnlyDictionary<string, FigureStatistics> Statistics(IReadOnlyList<SeedOutcome> completed)
    {
        Dictionary<string, FigureStatistics> statistics = [];
        foreach (string name in completed.SelectMany(s => s.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            double[] values = completed.Where(s => s.Metrics.ContainsKey(name)).Select(s => s.Metrics[name]).Order().ToArray();
            statistics[name] = new FigureStatistics(Median(values), values[0], values[^1], values.Length);
        }

        return statistics;
    }

    /// <summary>The median of sorted values.</summary>
    public static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
