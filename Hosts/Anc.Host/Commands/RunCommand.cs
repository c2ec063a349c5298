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
            Description = "Go on with a run that was killed or stopped, in its run directory, instead of starting one from a manifest: completed seeds are kept, the others continue from their latest checkpoint. With --set training.maxSteps=N, train a run (finished too) further: seeds that ended at its step limit go on to N.",
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

            int? extendTo = parse.GetValue(resume) is null ? null : ExtendTo(overrides);

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
                    : extendTo is { } maxSteps
                        ? runner.ExtendAsync(runDirectory, maxSteps, seedsAtOnce, stop.Token)
                        : runner.ResumeAsync(runDirectory, seedsAtOnce, stop.Token))
                .GetAwaiter().GetResult();
            if (progress == ProgressMode.None)
            {
                System.Console.WriteLine($"{result.RunDirectory}: {result.Seeds.Count(s => s.Success)} of {result.Seeds.Count} seed(s) succeeded");
            }

            return result.AllSucceeded ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>The new step limit a resume was given (<c>--set training.maxSteps=N</c>, its only change), or null for none.</summary>
    private static int? ExtendTo(IReadOnlyList<ManifestOverride> overrides)
    {
        if (overrides.Count == 0)
        {
            return null;
        }

        if (overrides is not [{ Path: "training.maxSteps" } limit])
        {
            throw new AncInputException("anc-host: run --resume keeps the run's own manifest; its one change is --set training.maxSteps=N to train it further, --seeds and other --set paths do not apply.");
        }

        return limit.Value.Type == Newtonsoft.Json.Linq.JTokenType.Integer && (long)limit.Value is > 0 and <= int.MaxValue
            ? (int)limit.Value
            : throw new AncInputException($"{limit.Source}: training.maxSteps takes a whole number of rounds, such as 100000.");
    }
}
