using System.CommandLine;
using System.Globalization;
using Anc.AttackPanels;
using Anc.Attacks;
using Anc.Host.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host attack</c>: puts a finished run's trained ciphers in front of a panel of adversaries.</summary>
internal static class AttackCommand
{
    public static Command Create()
    {
        Argument<string> runDirectory = new("run-dir") { Description = "A finished run's directory (one anc-host run wrote)." };
        Option<string?> panel = new("--panel") { Description = "A panel file (.json) naming the attacks; the scenario's default panel when not given." };
        Command command = new("attack", "Train a panel of adversaries against each trained cipher of a finished run; writes attack.json and a section of report.md.")
        {
            runDirectory,
            panel,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            AttackPanel? chosen = parse.GetValue(panel) is { } file ? host.Services.GetRequiredService<AttackPanelReader>().Read(file) : null;
            AttackReport report = host.Services.GetRequiredService<RunAttacker>().Attack(
                parse.GetValue(runDirectory)!,
                chosen,
                (seed, verdict) => System.Console.WriteLine(Line(seed, verdict)));
            foreach (SeedAttacks seed in report.Seeds)
            {
                System.Console.WriteLine($"seed {seed.Seed}: {report.Verdict(seed)}");
            }

            System.Console.WriteLine($"{Path.Combine(Path.GetFullPath(parse.GetValue(runDirectory)!), "attack.json")}: written, and the Attacks section of report.md");
            return report.AnyBroken ? ExitCodes.Failed : ExitCodes.Success;
        }));
        return command;
    }

    private static string Line(int seed, AttackVerdict verdict)
    {
        string figure = verdict.Result.Measure == AttackMeasure.BitsRecovered
            ? string.Create(CultureInfo.InvariantCulture, $"{verdict.Result.Figure:0.###} bits wrong (guessing: {verdict.Chance:0.#})")
            : string.Create(CultureInfo.InvariantCulture, $"advantage {verdict.Result.Figure:0.####} (guessing: 0)");
        return string.Create(CultureInfo.InvariantCulture, $"seed {seed} {verdict.Label}: {figure}, p = {AttackReport.PValueText(verdict)}{(verdict.Broken ? ", BROKE IT" : string.Empty)} ({verdict.Seconds:0.0} s)");
    }
}
