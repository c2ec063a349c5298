using System.CommandLine;
using Anc.Diagnostics;
using Anc.Host.Console;
using Anc.Manifests;
using Anc.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host run</c>: trains and evaluates a manifest into a new run directory.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        Argument<string?> manifest = new("manifest") { Description = "The manifest file (.json).", Arity = ArgumentArity.ZeroOrOne };
        Option<string?> resume = new("--resume")
        {
            HelpName = "run-directory",
            Description = "Go on with a run that was killed or stopped, in its run directory, instead of starting one from a manifest: completed seeds are kept, the others continue from their latest checkpoint. With --set training.maxSteps=N, train a run (finished too) further: seeds that ended at its step limit go on to N; --set threads=N changes its torch threads.",
        };
        Option<string> output = new("--output", "-o")
        {
            Description = "The runs root; the run directory is <root>/<experiment>/<yyyyMMdd-HHmmss>-<id>/.",
            DefaultValueFactory = _ => "runs",
        };
        Option<bool> quiet = new("--quiet", "-q") { Description = "Print only the outcome, no progress." };
        Option<int> parallel = new("--parallel", "-p")
        {
            Description = "Train this many seeds at once, each in a process of its own, dividing the manifest's threads between them.",
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
        Command command = new("run", "Train and evaluate the experiment a manifest describes, writing a run directory.")
        {
            manifest,
            output,
            quiet,
            parallel,
            resume,
        };
        ManifestOverrideOptions overriding = new();
        overriding.AddTo(command);
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            IReadOnlyList<ManifestOverride> overrides = overriding.From(parse);
            if ((parse.GetValue(manifest) is null) == (parse.GetValue(resume) is null))
            {
                throw new AncInputException("anc-host: run takes a manifest or --resume <run directory>, one of them, not both (see anc-host run --help).");
            }

            ResumeSettings? resuming = parse.GetValue(resume) is null ? null : Resuming(overrides, parse.GetValue(parallel));

            ProgressMode progress = parse.GetValue(quiet) ? ProgressMode.None
                : System.Console.IsOutputRedirected ? ProgressMode.Lines : ProgressMode.Live;
            using IHost host = AncHostBuilder.Build(parse, progress);
            AncHostBuilder.WarnAboutRefusedPlugins(host);

            using CancellationTokenSource stop = new();
            System.Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };

            // The verb has nothing else to do meanwhile, so it waits for the run's own thread.
            IExperimentRunner runner = host.Services.GetRequiredService<IExperimentRunner>();
            int seedsAtOnce = parse.GetValue(parallel);
            string? runDirectory = parse.GetValue(resume);
            RunResult result = (runDirectory is null
                    ? runner.RunAsync(ManifestSource.FromFile(parse.GetValue(manifest)!, overrides), new RunSettings(parse.GetValue(output)!) { Parallel = seedsAtOnce }, stop.Token)
                    : runner.ResumeAsync(runDirectory, resuming!, stop.Token))
                .GetAwaiter().GetResult();
            if (progress == ProgressMode.None)
            {
                System.Console.WriteLine($"{result.RunDirectory}: {result.Seeds.Count(s => s.Success)} of {result.Seeds.Count} seed(s) succeeded");
            }

            return result.AllSucceeded ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>How a resume goes on: the run's own manifest, changed only in its step limit (to train it further) and its threads.</summary>
    private static ResumeSettings Resuming(IReadOnlyList<ManifestOverride> overrides, int parallel)
    {
        string[] allowed = ["training.maxSteps", "threads"];
        if (overrides.Any(o => !allowed.Contains(o.Path)) || overrides.DistinctBy(o => o.Path).Count() < overrides.Count)
        {
            throw new AncInputException(
                "anc-host: run --resume keeps the run's own manifest; it takes only --set training.maxSteps=N (to train it further) and --set threads=N, once each, not --seeds or other --set paths.");
        }

        return new ResumeSettings
        {
            Parallel = parallel,
            MaxSteps = WholeNumber(overrides, "training.maxSteps", "rounds, such as 100000", minimum: 1),
            Threads = WholeNumber(overrides, "threads", "threads, such as 1 (0: one per processor)", minimum: 0),
        };
    }

    private static int? WholeNumber(IReadOnlyList<ManifestOverride> overrides, string path, string unit, int minimum) =>
        overrides.SingleOrDefault(o => o.Path == path) is not { } given ? null
        : given.Value.Type == Newtonsoft.Json.Linq.JTokenType.Integer && (long)given.Value >= minimum && (long)given.Value <= int.MaxValue ? (int)given.Value
        : throw new AncInputException($"{given.Source}: {path} takes a whole number of {unit}.");
}
