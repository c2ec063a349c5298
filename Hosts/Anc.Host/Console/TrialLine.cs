using System.Globalization;
using Anc.Results;
using Anc.Sweeps;
using Anc.Training;

namespace Anc.Host.Console;

/// <summary>How a sweep's trial reads in anc-host's output, wherever it trained: <c>&lt;id&gt; (&lt;setting&gt;, seed n): succeeded in 12.3 s</c>.</summary>
internal static class TrialLine
{
    /// <summary>The trial and what its <c>summary.json</c> says of its one seed.</summary>
    public static string Of(SweepTrial trial, RunSummaryFile summary)
    {
        SeedOutcomeFile? seed = summary.Runs.FirstOrDefault();
        string status = seed?.Status ?? summary.Status;
        string outcome = status == SeedStatus.Completed ? (seed!.Success ? "succeeded" : "failed its criteria") : status;
        return string.Create(CultureInfo.InvariantCulture, $"{Name(trial)}: {outcome} in {seed?.DurationSeconds ?? 0:0.0} s");
    }

    /// <summary>The trial with its setting and seed: <c>&lt;id&gt; (&lt;setting&gt;, seed n)</c>.</summary>
    public static string Name(SweepTrial trial) => $"{trial.Id} ({trial.Setting.Label}, seed {trial.Seed})";
}
