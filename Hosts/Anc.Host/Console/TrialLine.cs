using System.Globalization;
using Anc.Sweeps;
using Anc.Training;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Console;

/// <summary>How a sweep's trial reads in anc-host's output, wherever it trained: <c>&lt;id&gt; (&lt;setting&gt;, seed n): succeeded in 12.3 s</c>.</summary>
internal static class TrialLine
{
    /// <summary>The trial and what its <c>summary.json</c> says of its one seed.</summary>
    public static string Of(SweepTrial trial, JObject summary)
    {
        JObject? seed = (summary["runs"] as JArray)?.FirstOrDefault() as JObject;
        string status = (string?)seed?["status"] ?? (string?)summary["status"] ?? "?";
        string outcome = status == SeedStatus.Completed ? ((bool?)seed?["success"] == true ? "succeeded" : "failed its criteria") : status;
        return string.Create(CultureInfo.InvariantCulture, $"{Name(trial)}: {outcome} in {(double?)seed?["durationSeconds"] ?? 0:0.0} s");
    }

    /// <summary>The trial with its setting and seed: <c>&lt;id&gt; (&lt;setting&gt;, seed n)</c>.</summary>
    public static string Name(SweepTrial trial) => $"{trial.Id} ({trial.Setting.Label}, seed {trial.Seed})";
}
