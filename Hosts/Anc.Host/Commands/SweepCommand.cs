using System.CommandLine;
using System.Globalization;
using Anc.Host.Console;
using Anc.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Commands;

/// <summary><c>anc-host sweep</c>: a base manifest over a grid of changes times seeds, into one sweep folder that resumes.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        Argument<string> file = new("sweep") { Description = "The sweep file (.json): a base manifest, a grid and/or lists of changes, seeds." };
        Option<string> output = new("--output", "-o")
        {
            Description = "The sweeps root; the sweep's folder is <root>/<sweep>/, the same every time, so a second run goes on where the first stopped.",
            DefaultValueFactory = _ => "sweeps",
        };
        Option<int> parallel = new("--parallel", "-p")
        {
            Description = "Train this many trials at once, each in a process of its own, dividing the manifest's threads between them.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be 1 or more.");
            }
        });
        Option<bool> quiet = new("--quiet", "-q") { Description = "Print only the outcome, not a line per trial." };
        Command command = new("sweep", "Train a base manifest over a grid of changes times seeds: one run directory per trial, a summary per setting; running it again trains only what is left.")
        {
            file,
            output,
            parallel,
            quiet,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            AncHostBuilder.WarnAboutRefusedPlugins(host);
            SweepPlan plan = host.Services.GetRequiredService<SweepReader>().Read(parse.GetValue(file)!);
            using CancellationTokenSource stop = new();
            System.Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };

            bool lines = !parse.GetValue(quiet);
            System.Console.WriteLine($"sweep {plan.Name}: {plan.Settings.Count} setting(s) x {plan.Seeds.Count} seed(s) = {plan.Trials.Count} trial(s)");
            SweepResult result = host.Services.GetRequiredService<SweepRunner>().Run(
                plan,
                new SweepSettings(parse.GetValue(output)!) { Parallel = parse.GetValue(parallel) },
                lines ? new Reporter(finished => System.Console.WriteLine(Line(finished))) : null,
                stop.Token);
            foreach (JObject setting in ((JArray)result.Summary["settings"]!).OfType<JObject>())
            {
                System.Console.WriteLine(Setting(setting));
            }

            System.Console.WriteLine($"{result.Directory}: {result.Summary["finished"]} of {result.Summary["trials"]} trials finished ({result.Trained} trained now, {result.Skipped} finished before); summary.md, summary.json, plots/");
            return result.Complete && !result.AnyCrashed ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static string Line(TrialFinished finished)
    {
        JObject? seed = (finished.Summary["runs"] as JArray)?.FirstOrDefault() as JObject;
        string status = (string?)seed?["status"] ?? (string?)finished.Summary["status"] ?? "?";
        string outcome = status == "completed" ? ((bool?)seed?["success"] == true ? "succeeded" : "failed its criteria") : status;
        return string.Create(CultureInfo.InvariantCulture, $"[{finished.Done}/{finished.Total}] {finished.Trial.Id} ({finished.Trial.Setting.Label}, seed {finished.Trial.Seed}): {outcome} in {(double?)seed?["durationSeconds"] ?? 0:0.0} s");
    }

    private static string Setting(JObject setting) =>
        setting["successRate"]?.Type is JTokenType.Float or JTokenType.Integer
            ? string.Create(CultureInfo.InvariantCulture, $"{setting["label"]}: {setting["succeeded"]} of {setting["finished"]} succeeded, success rate {(double)setting["successRate"]!:0.###} (95% interval {(double)setting["successRateLow"]!:0.###} to {(double)setting["successRateHigh"]!:0.###})")
            : $"{setting["label"]}: no trial finished yet";

    /// <summary>Reports on the trial's own thread, at once (Progress&lt;T&gt; would post to the thread pool and lines could come after the summary).</summary>
    private sealed class Reporter(Action<TrialFinished> report) : IProgress<TrialFinished>
    {
        private readonly Lock _gate = new();

        public void Report(TrialFinished value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
