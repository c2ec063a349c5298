using System.Globalization;
using Anc.Results;
using Anc.Runs;
using Anc.Scenarios;
using ScottPlot;

namespace Anc.Reports;

/// <summary>
/// The paper-style figures of one seed, drawn from what the seed wrote: every party's error
/// against the training step (<c>plots/seed-&lt;n&gt;-training.png</c>, from <c>metrics.jsonl</c>),
/// and each adversary trained during evaluation against its steps
/// (<c>plots/seed-&lt;n&gt;-evaluation.png</c>, from <c>evaluation.json</c>).
/// </summary>
internal static class SeedPlots
{
    private const int Width = 900;
    private const int Height = 540;

    /// <summary>
    /// Draws the figures. A figure that cannot be drawn never costs the run its results: the
    /// reason goes to <c>plots/seed-&lt;n&gt;.error.txt</c> instead, whatever the exception (a
    /// native drawing library that fails to load included).
    /// </summary>
    public static void Write(RunDirectory run, int seed, string experiment)
    {
        string seedFolder = run.SeedPath(seed);
        try
        {
            string metrics = Path.Combine(seedFolder, "metrics.jsonl");
            if (File.Exists(metrics))
            {
                run.WriteBytes(Path.Combine("plots", $"seed-{seed}-training.png"), Training(metrics, $"{experiment}, seed {seed}: training"));
            }

            string evaluation = Path.Combine(seedFolder, EvaluationFile.FileName);
            if (File.Exists(evaluation) && Evaluation(evaluation, $"{experiment}, seed {seed}: adversaries trained against the frozen defenders") is { } png)
            {
                run.WriteBytes(Path.Combine("plots", $"seed-{seed}-evaluation.png"), png);
            }
        }
        catch (Exception e)
        {
            run.WriteText(Path.Combine("plots", $"seed-{seed}.error.txt"), $"The figures of seed {seed} could not be drawn: {e.GetType().Name}: {e.Message}{Environment.NewLine}");
        }
    }

    /// <summary>Every logged figure but losses (another scale), against the step.</summary>
    private static byte[] Training(string metricsFile, string title)
    {
        Dictionary<string, (List<double> Steps, List<double> Values)> series = new(StringComparer.Ordinal);
        foreach ((long step, string figure, double value) in MetricsLog.Read(metricsFile).Where(f => IsPlotted(f.Figure)))
        {
            if (!series.TryGetValue(figure, out var points))
            {
                series[figure] = points = ([], []);
            }

            points.Steps.Add(step);
            points.Values.Add(value);
        }

        Plot plot = new();
        foreach ((string name, (List<double> steps, List<double> values)) in series)
        {
            var scatter = plot.Add.ScatterLine(steps.ToArray(), values.ToArray());
            scatter.LegendText = name;
            scatter.LineWidth = 2;
        }

        return Render(plot, title, "training step", "error (the scenario's units)");
    }

    /// <summary>Whether a logged figure is drawn: losses are left out, they are on another scale.</summary>
    public static bool IsPlotted(string figure) => !figure.EndsWith(".loss", StringComparison.Ordinal);

    /// <summary>Each evaluated adversary's held-out figure at each measurement; null when none has a history.</summary>
    private static byte[]? Evaluation(string evaluationFile, string title)
    {
        EvaluationFile evaluation = ResultJson.Parse<EvaluationFile>(File.ReadAllText(evaluationFile));
        Plot plot = new();
        int drawn = 0;
        foreach (AdversaryTrial adversary in evaluation.Adversaries)
        {
            if (adversary.History.Count == 0)
            {
                continue;
            }

            var scatter = plot.Add.Scatter(adversary.History.Select(p => (double)p.Step).ToArray(), adversary.History.Select(p => p.Value).ToArray());
            scatter.LegendText = string.Create(CultureInfo.InvariantCulture, $"{adversary.Name} (best {adversary.Best:0.###})");
            scatter.LineWidth = 2;
            drawn++;
        }

        return drawn == 0 ? null : Render(plot, title, "adversary's training step", "held-out figure (the scenario's units)");
    }

    private static byte[] Render(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
