using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Anc.Results;
using Anc.Runs;
using Newtonsoft.Json.Linq;

namespace Anc.Reports;

/// <summary>
/// <c>report.md</c>: the run in one page: the experiment, the manifest's digest, the
/// environment, the success rate with its interval, every figure over seeds, a table of seeds,
/// and links to the plots.
/// </summary>
internal static class RunReport
{
    /// <summary>Writes the report; a report that cannot be written leaves a note and costs no result.</summary>
    public static void Write(RunDirectory run, RunSummaryFile summary, IReadOnlyList<string> runPlots)
    {
        try
        {
            run.WriteText("report.md", Build(run, summary, runPlots));
        }
        catch (Exception e)
        {
            run.WriteText("report.error.txt", $"report.md could not be written: {e.GetType().Name}: {e.Message}{Environment.NewLine}");
        }
    }

    private static string Build(RunDirectory run, RunSummaryFile summary, IReadOnlyList<string> runPlots)
    {
        JObject manifest = JObject.Parse(File.ReadAllText(Path.Combine(run.FullPath, "manifest.json")));
        EnvironmentFile environment = EnvironmentFile.ReadIfExists(run.FullPath) ?? throw new IOException("the run has no environment.json");
        string digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(run.FullPath, "manifest.json"))));
        StringBuilder report = new();
        report.AppendLine(CultureInfo.InvariantCulture, $"# {summary.Experiment}");
        report.AppendLine();
        if ((string?)manifest["description"] is { Length: > 0 } description)
        {
            report.AppendLine(description).AppendLine();
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- scenario `{summary.Scenario}`, status **{summary.Status}**, {summary.StartedAt:O} to {summary.FinishedAt:O} ({summary.DurationSeconds} s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- manifest: [manifest.json](manifest.json), SHA-256 `{digest}`");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- environment: ANC {environment.Framework}, TorchSharp {environment.TorchSharp}, libtorch {environment.Libtorch}, device {environment.Device}, " +
            $"{environment.Threads} thread(s), {environment.Os}; git {environment.GitCommit ?? "(none)"}; [environment.json](environment.json)");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- **success rate {Number(summary.SuccessRate)}** ({summary.Succeeded} of {summary.Runs.Count} seeds), " +
            $"95% Wilson interval {Number(summary.SuccessRateLow)} to {Number(summary.SuccessRateHigh)}");
        report.AppendLine();

        if (summary.Metrics.Count > 0)
        {
            report.AppendLine("## Final figures over the completed seeds").AppendLine();
            report.AppendLine("| figure | median | min | max | seeds |").AppendLine("| --- | --- | --- | --- | --- |");
            foreach ((string name, FigureStatistics figure) in summary.Metrics)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Number(figure.Median)} | {Number(figure.Min)} | {Number(figure.Max)} | {figure.Seeds} |");
            }

            report.AppendLine();
        }

        report.AppendLine("## Seeds").AppendLine();
        report.AppendLine("| seed | status | success | steps | seconds | verdict | figures |").AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (SeedOutcomeFile seed in summary.Runs)
        {
            int number = seed.Seed;
            string plots = string.Join(", ", new[] { "training", "evaluation" }
                .Where(kind => File.Exists(Path.Combine(run.FullPath, "plots", $"seed-{number}-{kind}.png")))
                .Select(kind => $"[{kind}](plots/seed-{number}-{kind}.png)"));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {number} | {seed.Status} | {(seed.Success ? "yes" : "no")} | {seed.Steps} | {seed.DurationSeconds} | {Cell(seed.Message)} | {plots} |");
        }

        if (runPlots.Count > 0)
        {
            report.AppendLine().AppendLine("## Plots").AppendLine();
            foreach (string plot in runPlots)
            {
                string link = plot.Replace('\\', '/');
                report.AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(plot)}]({link})");
            }
        }

        return report.ToString();
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    // A table cell holds one line and no pipes.
    private static string Cell(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
