using System.CommandLine;
using System.Globalization;
using Anc.Diagnostics;
using Anc.Results;
using Anc.Runs;

namespace Anc.Host.Commands;

/// <summary><c>anc-host runs list|show|compare</c>: the run browser over a runs root.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        Argument<string> root = new("root") { Description = "The runs root (default: runs), or one run folder.", DefaultValueFactory = _ => "runs" };
        Command list = new("list", "One line per run: when it started, experiment, seeds, success rate, status, folder.") { root };
        list.SetAction(parse => AncHostCommand.Guard(() => List(parse.GetValue(root)!)));

        Argument<string> run = new("run") { Description = "A run folder." };
        Command show = new("show", "A run's summary: status, success rate with its 95% interval, every figure over seeds, each seed.") { run };
        show.SetAction(parse => AncHostCommand.Guard(() => Show(parse.GetValue(run)!)));

        Argument<string[]> runs = new("runs") { Description = "Two or more run folders.", Arity = new ArgumentArity(2, 100) };
        Command compare = new("compare", "The runs' summary figures side by side: success rate and the median of every figure.") { runs };
        compare.SetAction(parse => AncHostCommand.Guard(() => Compare(parse.GetValue(runs)!)));

        return new Command("runs", "Browse run directories: list, show, compare.") { list, show, compare };
    }

    private static int List(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new AncInputException($"runs root '{root}' does not exist; give the folder anc-host run wrote to (--output, default runs).");
        }

        IReadOnlyList<RunRecord> records = RunRecord.FindAll(root, DateTimeOffset.UtcNow);
        TextWriter output = System.Console.Out;
        output.WriteLine($"{"started (UTC)",-19}  {"experiment",-28}  {"seeds",5}  {"success",7}  {"status",-22}  folder");
        foreach (RunRecord record in records)
        {
            output.WriteLine(
                $"{record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19}  {record.Experiment,-28}  {record.Seeds,5}  " +
                $"{(record.SuccessRate is { } rate ? rate.ToString("0.###", CultureInfo.InvariantCulture) : "-"),7}  {record.Status,-22}  {record.Directory}");
        }

        if (records.Count == 0)
        {
            output.WriteLine($"(no runs under {root})");
        }

        return ExitCodes.Success;
    }

    private static int Show(string folder)
    {
        RunRecord record = Read(folder);
        TextWriter output = System.Console.Out;
        output.WriteLine($"{record.Directory}");
        output.WriteLine($"  experiment {record.Experiment}, started {record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, {record.Seeds} seed(s), status {record.Status}");
        if (record.Summary is not { } summary)
        {
            output.WriteLine(record.Status == RunStatus.Running ? "  still running: no summary yet." : "  no summary: the run was stopped before it finished; its seeds' folders hold what was written.");
            return ExitCodes.Success;
        }

        output.WriteLine(
            $"  success rate {Number(summary.SuccessRate)} ({summary.Succeeded} of {summary.Runs.Count}), 95% interval " +
            $"{Number(summary.SuccessRateLow)} to {Number(summary.SuccessRateHigh)}");
        if (summary.Metrics.Count > 0)
        {
            int width = summary.Metrics.Keys.Max(name => name.Length);
            output.WriteLine($"  {"figure".PadRight(width)}  {"median",10}  {"min",10}  {"max",10}  seeds");
            foreach ((string name, FigureStatistics figure) in summary.Metrics)
            {
                output.WriteLine($"  {name.PadRight(width)}  {Number(figure.Median),10}  {Number(figure.Min),10}  {Number(figure.Max),10}  {figure.Seeds}");
            }
        }

        foreach (SeedOutcomeFile seed in summary.Runs)
        {
            output.WriteLine($"  seed {seed.Seed}: {seed.Status}, {(seed.Success ? "success" : "no success")}, {seed.Steps} steps: {seed.Message}");
        }

        if (AttackFile.ReadIfExists(record.Directory) is { } attacks)
        {
            output.WriteLine($"  attacks ({attacks.Panel.Source}, {attacks.Panel.Attacks.Count} attacks, {attacks.Panel.HeldOutExamples} held-out messages each):");
            foreach (SeedAttacksFile seed in attacks.Seeds)
            {
                output.WriteLine($"  seed {seed.Seed}: {seed.Verdict}");
            }
        }

        return ExitCodes.Success;
    }

    private static int Compare(string[] folders)
    {
        RunRecord[] records = folders.Select(Read).ToArray();
        string[] names = records.Select(r => $"{r.Experiment}/{Path.GetFileName(r.Directory)}").ToArray();
        List<(string Figure, string[] Values)> rows =
        [
            ("status", records.Select(r => r.Status).ToArray()),
            ("seeds", records.Select(r => r.Seeds.ToString(CultureInfo.InvariantCulture)).ToArray()),
            ("successRate", records.Select(r => r.SuccessRate is { } rate ? rate.ToString("0.###", CultureInfo.InvariantCulture) : "-").ToArray()),
            ("successRate 95% interval", records.Select(r => r.Summary is { } s ? $"{Number(s.SuccessRateLow)}-{Number(s.SuccessRateHigh)}" : "-").ToArray()),
            ("broken by attacks", records.Select(r => AttackFile.ReadIfExists(r.Directory) is { } attacks ? $"{attacks.Seeds.Count(s => s.Broken)} of {attacks.Seeds.Count}" : "-").ToArray()),
        ];
        foreach (string figure in records.SelectMany(r => r.Summary?.Metrics.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            rows.Add(($"{figure} (median)", records.Select(r => r.Summary?.Metrics.GetValueOrDefault(figure) is { } statistics ? Number(statistics.Median) : "-").ToArray()));
        }

        int first = Math.Max("figure".Length, rows.Max(r => r.Figure.Length));
        int[] widths = names.Select((n, i) => Math.Max(n.Length, rows.Max(r => r.Values[i].Length))).ToArray();
        TextWriter output = System.Console.Out;
        output.WriteLine($"{"figure".PadRight(first)}  {string.Join("  ", names.Select((n, i) => n.PadLeft(widths[i])))}");
        foreach ((string figure, string[] values) in rows)
        {
            output.WriteLine($"{figure.PadRight(first)}  {string.Join("  ", values.Select((v, i) => v.PadLeft(widths[i])))}");
        }

        return ExitCodes.Success;
    }

    private static RunRecord Read(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "manifest.json")))
        {
            throw new AncInputException($"'{folder}' is not a run directory (it has no manifest.json); anc-host runs list shows the runs.");
        }

        return RunRecord.Read(folder, DateTimeOffset.UtcNow);
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
