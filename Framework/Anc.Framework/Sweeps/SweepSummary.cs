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
    public static SweepPlanFile Plan(SweepPlan plan) => new(
        plan.Name,
        plan.File,
        plan.BaseManifest,
        plan.Seeds.ToList(),
        plan.Settings.Select(s => new PlannedSetting(s.Id, s.Label, Overrides(s))).ToList(),
        plan.Trials.Select(t => new PlannedTrial(t.Id, t.Setting.Id, t.Seed, Path.Combine("trials", t.Id))).ToList());

    /// <summary>The summary of the trials' <paramref name="outcomes"/>, by setting.</summary>
    public static SweepSummaryFile Build(SweepPlan plan, ILookup<SweepSetting, SeedOutcome> outcomes)
    {
        List<SettingSummary> settings = [];
        foreach (SweepSetting setting in plan.Settings)
        {
            List<SeedOutcome> seeds = [.. outcomes[setting]];
            int succeeded = seeds.Count(s => s.Success);
            (double low, double high) = WilsonInterval.Of(succeeded, seeds.Count);
            settings.Add(new SettingSummary(
                setting.Id,
                setting.Label,
                Overrides(setting),
                plan.Seeds.Count,
                seeds.Count,
                succeeded,
                seeds.Count(s => s.Status == SeedStatus.Crashed),
                seeds.Count == 0 ? null : (double)succeeded / seeds.Count,
                Math.Round(low, 4),
                Math.Round(high, 4),
                RunSummary.Statistics([.. seeds.Where(s => s.Status == SeedStatus.Completed)])));
        }

        int finished = outcomes.Sum(g => g.Count());
        return new SweepSummaryFile(
            plan.Name, plan.BaseManifest, finished == plan.Trials.Count ? SweepSummaryFile.Complete : SweepSummaryFile.Incomplete, plan.Trials.Count, finished, settings);
    }

    // A later change to the same path wins, as when the manifest is read.
    private static Dictionary<string, JToken> Overrides(SweepSetting setting)
    {
        Dictionary<string, JToken> overrides = new(StringComparer.Ordinal);
        foreach ((string path, JToken value) in setting.Overrides)
        {
            overrides[path] = value.DeepClone();
        }

        return overrides;
    }
}
