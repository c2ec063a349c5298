using System.Globalization;
using Anc.Results;
using Anc.Runs;
using Anc.Training.Engine;
using ScottPlot;

namespace Anc.Reports;

/// <summary>
/// The run's figures over all its seeds: for every training figure but losses,
/// <c>plots/&lt;figure&gt;.png</c> with each seed's curve and their median (per step) drawn
/// thick; and <c>plots/success-rate.png</c>, the success rate with its 95% Wilson interval.
/// </summary>
internal static class RunPlots
{
    private const int Width = 900;
    private const int Height = 540;

    /// <summary>Draws the figures; returns the files written, relative to the run. Never throws: a failure leaves a note.</summary>
    public static IReadOnlyList<string> Write(RunDirectory run, string experiment, IReadOnlyList<int> seeds, RunSummaryFile summary)
    {
        List<string> written = [];
        try
        {
            Dictionary<string, Dictionary<int, SortedDictionary<long, double>>> figures = Read(run, seeds);
            foreach ((string figure, Dictionary<int, SortedDictionary<long, double>> bySeed) in figures.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                string file = Path.Combine("plots", $"{figure}.png");
                run.WriteBytes(file, Figure(figure, bySeed, $"{experiment}: {figure}, {bySeed.Count} seed(s)"));
                written.Add(file);
            }

            string rate = Path.Combine("plots", "success-rate.png");
            run.WriteBytes(rate, SuccessRate(summary, $"{experiment}: success rate"));
            written.Add(rate);
        }
        catch (Exception e)
        {
            run.WriteText(Path.Combine("plots", "run.error.txt"), $"The run's figures could not be drawn: {e.GetType().Name}: {e.Message}{Environment.NewLine}");
        }

        return written;
    }

    private static Dictionary<string, Dictionary<int, SortedDictionary<long, double>>> Read(RunDirectory run, IReadOnlyList<int> seeds)
    {
        Dictionary<string, Dictionary<int, SortedDictionary<long, double>>> figures = new(StringComparer.Ordinal);
        foreach (int seed in seeds)
        {
            string metrics = Path.Combine(run.FullPath, $"seed-{seed}", "metrics.jsonl");
            if (!File.Exists(metrics))
            {
                continue;
            }

            foreach ((long step, string figure, double value) in MetricsLog.Read(metrics).Where(f => SeedPlots.IsPlotted(f.Figure)))
            {
                if (!figures.TryGetValue(figure, out var bySeed))
                {
                    figures[figure] = bySeed = [];
                }

                if (!bySeed.TryGetValue(seed, out var points))
                {
                    bySeed[seed] = points = [];
                }

                points[step] = value;
            }
        }

        return figures;
    }

    private static byte[] Figure(string figure, Dictionary<int, SortedDictionary<long, double>> bySeed, string title)
    {
        Plot plot = new();
        foreach ((int seed, SortedDictionary<long, double> points) in bySeed.OrderBy(s => s.Key))
        {
            var line = plot.Add.ScatterLine(points.Keys.Select(s => (double)s).ToArray(), points.Values.ToArray());
            line.LineWidth = 1;
            line.Color = Colors.Gray.WithAlpha(0.5);
            line.LegendText = bySeed.Count <= 10 ? $"seed {seed}" : string.Empty;
        }

        // The median over the seeds that logged each step.
        long[] steps = bySeed.Values.SelectMany(p => p.Keys).Distinct().Order().ToArray();
        double[] median = steps.Select(s => RunSummary.Median(bySeed.Values.Where(p => p.ContainsKey(s)).Select(p => p[s]).Order().ToArray())).ToArray();
        var middle = plot.Add.ScatterLine(steps.Select(s => (double)s).ToArray(), median);
        middle.LineWidth = 3;
        middle.Color = Colors.C0;
        middle.LegendText = "median";

        plot.Title(title);
        plot.XLabel("training step");
        plot.YLabel(figure);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] SuccessRate(RunSummaryFile summary, string title)
    {
        double rate = summary.SuccessRate;
        double low = summary.SuccessRateLow;
        double high = summary.SuccessRateHigh;
        Plot plot = new();
        var bar = plot.Add.Bar(position: 0, value: rate, error: 0);
        bar.Color = Colors.C0;
        // The 95% interval as a whisker with caps.
        foreach ((double x1, double y1, double x2, double y2) in new[] { (0.0, low, 0.0, high), (-0.1, low, 0.1, low), (-0.1, high, 0.1, high) })
        {
            var whisker = plot.Add.Line(x1, y1, x2, y2);
            whisker.LineWidth = 2;
            whisker.Color = Colors.Black;
        }
        plot.Axes.SetLimits(-1, 1, 0, 1.05);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0.0], [string.Create(CultureInfo.InvariantCulture, $"{summary.Succeeded} of {summary.Runs.Count} seeds")]);
        plot.Title(title);
        plot.YLabel(string.Create(CultureInfo.InvariantCulture, $"success rate {rate:0.###} (95% interval {low:0.###} to {high:0.###})"));
        return plot.GetImageBytes(Width / 2, Height, ImageFormat.Png);
    }
}
