using System.Globalization;
using System.Text;
using Anc.Results;
using Anc.Training;
using Anc.Training.Engine;
using ScottPlot;

namespace Anc.Sweeps;

/// <summary>
/// <c>summary.md</c>, the settings compared in one table (what each changes, trials finished,
/// success rate with its 95% interval, each figure's median), and
/// <c>plots/success-rate.png</c>, the success rates side by side with their intervals.
/// </summary>
internal static class SweepReport
{
    public static void Write(SweepDirectory directory, SweepPlan plan, SweepSummaryFile summary, ILookup<SweepSetting, SeedOutcome> outcomes)
    {
        IReadOnlyList<SettingSummary> settings = summary.Settings;
        // A column for each change that tells settings apart; a change they all share is said once.
        List<string> paths = [.. plan.Settings.SelectMany(s => s.Overrides.Select(o => o.Key)).Distinct(StringComparer.Ordinal)];
        List<string> changed = [.. paths.Where(p => plan.Settings.Select(s => Value(s, p)).Distinct(StringComparer.Ordinal).Count() > 1)];
        List<string> shared = [.. paths.Except(changed).Select(p => $"{p}={Value(plan.Settings[0], p)}")];
        List<string> figures = [.. settings.SelectMany(s => s.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Dictionary<string, string> headers = ShortNames(changed);

        StringBuilder text = new();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Sweep {plan.Name}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Base manifest `{plan.BaseManifest}`, seeds {string.Join(", ", plan.Seeds)}; {summary.Finished} of {summary.Trials} trials finished ({summary.Status}).");
        if (shared.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Every setting changes {string.Join(", ", shared.Select(c => $"`{c}`"))}.");
        }

        text.AppendLine();
        text.AppendLine("| setting | " + string.Concat(changed.Select(c => $"{headers[c]} | ")) + "finished | succeeded | success rate (95% interval) | " + string.Concat(figures.Select(f => $"{f} (median) | ")));
        text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", changed.Count + 3 + figures.Count)));
        foreach ((SweepSetting setting, SettingSummary row) in plan.Settings.Zip(settings))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {setting.Id} | ");
            text.Append(string.Concat(changed.Select(c => $"{Value(setting, c)} | ")));
            text.Append(CultureInfo.InvariantCulture, $"{row.Finished} of {row.Trials} | {row.Succeeded} | {Rate(row)} | ");
            text.AppendLine(string.Concat(figures.Select(f => $"{Figure(row, f)} | ")));
        }

        directory.WriteText("summary.md", text.ToString());
        try
        {
            string[] labels = [.. plan.Settings.Select(s => changed.Count == 0 ? s.Label : string.Join("\n", changed.Select(c => Value(s, c))))];
            directory.WriteBytes(Path.Combine("plots", "success-rate.png"), SuccessRates(plan, settings, labels));
            foreach (string figure in figures)
            {
                directory.WriteBytes(Path.Combine("plots", $"{figure}.png"), Figure(plan, outcomes, figure, labels));
            }
        }
        catch (Exception e)
        {
            // The figures are in summary.json and summary.md whatever happens to the drawings.
            directory.WriteText(Path.Combine("plots", "sweep.error.txt"), $"The sweep's plots could not be drawn: {e.GetType().Name}: {e.Message}{Environment.NewLine}");
        }
    }

    /// <summary>One final figure: each completed trial's value as a point over its setting, the setting's median as a bar across.</summary>
    private static byte[] Figure(SweepPlan plan, ILookup<SweepSetting, SeedOutcome> outcomes, string figure, string[] labels)
    {
        Plot plot = new();
        for (int i = 0; i < plan.Settings.Count; i++)
        {
            double[] values = [.. outcomes[plan.Settings[i]]
                .Where(o => o.Status == SeedStatus.Completed && o.Metrics.ContainsKey(figure))
                .Select(o => o.Metrics[figure]).Order()];
            if (values.Length == 0)
            {
                continue;
            }

            // Seeds spread sideways a little so that equal values stay visible.
            double[] xs = [.. values.Select((_, k) => i + (values.Length == 1 ? 0 : (k / (values.Length - 1.0) - 0.5) * 0.3))];
            var points = plot.Add.ScatterPoints(xs, values);
            points.Color = Colors.C0;
            points.MarkerSize = 7;
            double median = RunSummary.Median(values);
            var bar = plot.Add.Line(i - 0.25, median, i + 0.25, median);
            bar.LineWidth = 3;
            bar.Color = Colors.Black;
        }

        plot.Axes.SetLimitsX(-0.7, plan.Settings.Count - 0.3);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        plot.Title($"{plan.Name}: final {figure}, a point per trial, median as a bar");
        plot.YLabel(figure);
        return plot.GetImageBytes(Math.Max(800, 120 * plan.Settings.Count), 540, ImageFormat.Png);
    }

    /// <summary>The value <paramref name="setting"/> gives <paramref name="path"/>, as shown; empty where it leaves the base manifest's.</summary>
    private static string Value(SweepSetting setting, string path) =>
        setting.Overrides.LastOrDefault(o => o.Key == path) is { Value: { } value } ? SweepSetting.Show(value) : string.Empty;

    private static string Rate(SettingSummary row) =>
        row.SuccessRate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"{rate:0.###} ({row.SuccessRateLow:0.###} to {row.SuccessRateHigh:0.###})")
            : "none finished";

    private static string Figure(SettingSummary row, string figure) =>
        row.Metrics.GetValueOrDefault(figure) is { } statistics ? string.Create(CultureInfo.InvariantCulture, $"{statistics.Median:0.###}") : "";

    /// <summary>Each changed path by its shortest ending that tells it from the others: <c>learningRate</c>, <c>eve.architecture.options.variant</c>.</summary>
    private static Dictionary<string, string> ShortNames(List<string> paths)
    {
        Dictionary<string, string> names = new(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            string[] segments = path.Split('.');
            int take = 1;
            while (take < segments.Length && paths.Count(p => p != path && p.EndsWith("." + string.Join('.', segments[^take..]), StringComparison.Ordinal)) > 0)
            {
                take++;
            }

            names[path] = string.Join('.', segments[^take..]);
        }

        return names;
    }

    private static byte[] SuccessRates(SweepPlan plan, IReadOnlyList<SettingSummary> settings, string[] labels)
    {
        Plot plot = new();
        for (int i = 0; i < settings.Count; i++)
        {
            SettingSummary row = settings[i];
            double rate = row.SuccessRate ?? 0;
            double low = row.SuccessRateLow;
            double high = row.SuccessRateHigh;
            var bar = plot.Add.Bar(position: i, value: rate, error: 0);
            bar.Color = Colors.C0;
            // The 95% interval as a whisker with caps.
            foreach ((double x1, double y1, double x2, double y2) in new[] { (i, low, i, high), (i - 0.1, low, i + 0.1, low), (i - 0.1, high, i + 0.1, high) })
            {
                var whisker = plot.Add.Line(x1, y1, x2, y2);
                whisker.LineWidth = 2;
                whisker.Color = Colors.Black;
            }
        }

        plot.Axes.SetLimits(-0.7, settings.Count - 0.3, 0, 1.05);
        double[] positions = [.. Enumerable.Range(0, settings.Count).Select(i => (double)i)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Title($"{plan.Name}: success rate per setting ({plan.Seeds.Count} seed(s) each), 95% intervals");
        plot.YLabel("success rate");
        return plot.GetImageBytes(Math.Max(600, 120 * settings.Count), 540, ImageFormat.Png);
    }
}
