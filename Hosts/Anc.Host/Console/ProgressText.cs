using System.Globalization;
using Anc.Observers;
using Anc.Training;

namespace Anc.Host.Console;

/// <summary>How both progress displays write their figures, so that a log and a terminal read alike.</summary>
internal static class ProgressText
{
    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Whole steps per second where that is precise enough, tenths for slow phases.</summary>
    public static string Rate(double stepsPerSecond) =>
        stepsPerSecond.ToString(stepsPerSecond >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);

    /// <summary>A short duration, rounded up: an estimate that says 0s while work is left would mislead.</summary>
    public static string Duration(TimeSpan duration)
    {
        long seconds = (long)Math.Ceiling(Math.Max(0, duration.TotalSeconds));
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => $"{seconds / 60}m{seconds % 60:00}s",
            _ => $"{seconds / 3600}h{seconds / 60 % 60:00}m",
        };
    }

    public static string Figures(IEnumerable<KeyValuePair<string, double>> figures) =>
        string.Join("  ", figures.Select(f => $"{f.Key} {Number(f.Value)}"));

    public static string Outcome(SeedCompleted seed) =>
        seed.Status == SeedStatus.Completed ? (seed.Success ? "succeeded" : "failed its criteria") : seed.Status;

    public static string SuccessLine(RunCompleted run) =>
        $"Success rate {run.SuccessRate.ToString("0.###", CultureInfo.InvariantCulture)}; run directory {run.RunDirectory}";

    public static string StartLine(RunStarted run) =>
        $"Run {run.Experiment}: {run.Seeds.Count} seed(s), writing {run.RunDirectory}";
}
