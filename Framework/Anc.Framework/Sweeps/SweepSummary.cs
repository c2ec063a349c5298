using Anc.Results;
using Anc.Statistics;
using Anc.Training;
using Anc.Training.Engine;
using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>
/// <c>sweep.json</c> (the plan) and <c>summary.json</c>: per setting, how many of its trials
/// finished and succeeded, the success rate with its 95% Wilson interval, and the median,
/// minimum and maximum of every final figure over its completed trials (as a run's summary
/// gives them over its seeds). A sweep with trials
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

    /// <summary>The summary of the trials' <paramref name="outcomes"/>, by setting.</summary>
    public static JObject Build(SweepPlan plan, ILookup<SweepSetting, SeedOutcome> outcomes)
    {
        JArray settings = [];
        foreach (SweepSetting setting in plan.Settings)
        {
            List<SeedOutcome> seeds = [.. outcomes[setting]];
            int succeeded = seeds.Count(s => s.Success);
            (double low, double high) = WilsonInterval.Of(succeeded, seeds.Count);
            settings.Add(new JObject
            {
                ["id"] = setting.Id,
                ["label"] = setting.Label,
                ["overrides"] = Overrides(setting),
                ["trials"] = plan.Seeds.Count,
                ["finished"] = seeds.Count,
                ["succeeded"] = succeeded,
                ["crashed"] = seeds.Count(s => s.Status == SeedStatus.Crashed),
                ["successRate"] = seeds.Count == 0 ? null : (double)succeeded / seeds.Count,
                ["successRateLow"] = Math.Round(low, 4),
                ["successRateHigh"] = Math.Round(high, 4),
                ["metrics"] = JToken.Parse(ResultJson.ToText(RunSummary.Statistics([.. seeds.Where(s => s.Status == SeedStatus.Completed)]))),
            });
        }

        int finished = outcomes.Sum(g => g.Count());
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
}
