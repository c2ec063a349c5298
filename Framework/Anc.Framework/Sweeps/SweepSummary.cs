using Anc.Training;
using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>
/// <c>sweep.json</c> (the plan) and <c>summary.json</c>: per setting, how many of its trials
/// finished and succeeded, the success rate with its 95% Wilson interval, and the median,
/// minimum and maximum of every final figure over its completed trials. A sweep with trials
/// still to do says <c>incomplete</c>, never passing for a finished one.
/// </summary>
internal static class SweepSummary
{
    /// <summary>The plan as <c>sweep.json</c> records it: the settings with their changes and the trials with their folders.</summary>
    public static JObject Plan(SweepPlan plan) => new()
    {
        ["sweep"] = plan.Name,
        ["file"] = plan.File,
        ["manifest"] = plan.BaseManifest,
        ["seeds"] = new JArray(plan.Seeds),
        ["settings"] = new JArray(plan.Settings.Select(s => new JObject
        {
            ["id"] = s.Id,
            ["label"] = s.Label,
            ["overrides"] = Overrides(s),
        })),
        ["trials"] = new JArray(plan.Trials.Select(t => new JObject
        {
            ["id"] = t.Id,
            ["setting"] = t.Setting.Id,
            ["seed"] = t.Seed,
            ["directory"] = Path.Combine("trials", t.Id),
        })),
    };

    /// <summary>The summary of what the sweep folder holds now.</summary>
    public static JObject Build(SweepPlan plan, SweepDirectory directory)
    {
        JArray settings = [];
        int finished = 0;
        foreach (SweepSetting setting in plan.Settings)
        {
            List<JObject> summaries = [.. plan.Trials.Where(t => t.Setting == setting).Select(directory.SummaryOf).OfType<JObject>()];
            finished += summaries.Count;
            List<JObject> seeds = [.. summaries.SelectMany(s => s["runs"] as JArray ?? []).OfType<JObject>()];
            int succeeded = seeds.Count(s => (bool?)s["success"] == true);
            (double low, double high) = WilsonInterval.Of(succeeded, seeds.Count);
            settings.Add(new JObject
            {
                ["id"] = setting.Id,
                ["label"] = setting.Label,
                ["overrides"] = Overrides(setting),
                ["trials"] = plan.Seeds.Count,
                ["finished"] = summaries.Count,
                ["succeeded"] = succeeded,
                ["crashed"] = seeds.Count(s => (string?)s["status"] == SeedStatus.Crashed),
                ["successRate"] = seeds.Count == 0 ? null : (double)succeeded / seeds.Count,
                ["successRateLow"] = Math.Round(low, 4),
                ["successRateHigh"] = Math.Round(high, 4),
                ["metrics"] = Statistics([.. seeds.Where(s => (string?)s["status"] == SeedStatus.Completed)]),
            });
        }

        return new JObject
        {
            ["sweep"] = plan.Name,
            ["manifest"] = plan.BaseManifest,
            ["status"] = finished == plan.Trials.Count ? "complete" : "incomplete",
            ["trials"] = plan.Trials.Count,
            ["finished"] = finished,
            ["settings"] = settings,
        };
    }

    private static JObject Overrides(SweepSetting setting) =>
        new(setting.Overrides.Select(o => new JProperty(o.Key, o.Value.DeepClone())));

    /// <summary>Per figure: median, min, max over the completed trials that have it, and how many.</summary>
    private static JObject Statistics(IReadOnlyList<JObject> completed)
    {
        JObject statistics = [];
        IEnumerable<JProperty> figures = completed.SelectMany(s => (s["metrics"] as JObject)?.Properties() ?? []);
        foreach (IGrouping<string, JProperty> figure in figures.GroupBy(p => p.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double[] values = [.. figure.Where(p => p.Value.Type is JTokenType.Float or JTokenType.Integer).Select(p => (double)p.Value).Order()];
            if (values.Length > 0)
            {
                statistics[figure.Key] = new JObject
                {
                    ["median"] = RunSummary.Median(values),
                    ["min"] = values[0],
                    ["max"] = values[^1],
                    ["trials"] = values.Length,
                };
            }
        }

        return statistics;
    }
}
