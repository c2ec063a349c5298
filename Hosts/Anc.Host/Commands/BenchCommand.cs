using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Anc.Benchmarking;
using Anc.Diagnostics;
using Anc.Host.Console;
using Anc.Manifests;
using Anc.PluginHosting;
using Anc.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host bench</c>: how fast a manifest trains (see <see cref="TrainingBenchmark"/>), writing no run directory.</summary>
internal static class BenchCommand
{
    private const double MiB = 1024 * 1024;

    public static Command Create()
    {
        Argument<string> manifest = new("manifest") { Description = "The manifest file (.json); its first seed's experiment is trained." };
        Option<int> steps = AtLeast(new Option<int>("--steps") { Description = "Training rounds in each timed repeat.", DefaultValueFactory = _ => 100 }, 1);
        Option<int> warmup = AtLeast(new Option<int>("--warmup") { Description = "Rounds trained before timing starts.", DefaultValueFactory = _ => 20 }, 0);
        Option<int> repeats = AtLeast(new Option<int>("--repeats") { Description = "How many timed repeats of --steps rounds.", DefaultValueFactory = _ => 3 }, 1);
        Option<int?> together = new("--together") { Description = "Train this many seeds (the first and those after it) as one batched program; the manifest's training.seedsTogether when not given." };
        together.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() < 1)
            {
                result.AddError($"{together.Name} must be 1 or more.");
            }
        });
        Option<int> evaluation = AtLeast(new Option<int>("--evaluation-steps") { Description = "Units of the evaluation (fresh-Eve steps) to time after the rounds, for the cost of a whole seed; 0 times none.", DefaultValueFactory = _ => 50 }, 0);
        Option<bool> json = new("--json") { Description = "Print the figures as one JSON object." };
        Command command = new("bench", "Measure how fast a manifest trains: steps per second, time per round by party, what one seed costs with its evaluation, memory. Writes no run directory.")
        {
            manifest,
            steps,
            warmup,
            repeats,
            together,
            evaluation,
            json,
        };
        ManifestOverrideOptions overriding = new();
        overriding.AddTo(command);
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            TimeSpan runtime = SinceProcessStart();
            long stage = Stopwatch.GetTimestamp();
            IReadOnlyList<ManifestOverride> overrides = overriding.From(parse);
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            _ = host.Services.GetRequiredService<PluginCatalog>();
            TimeSpan hosting = Stopwatch.GetElapsedTime(stage);
            stage = Stopwatch.GetTimestamp();
            ResolvedManifest resolved = AncHostBuilder.ReadManifest(host, parse.GetValue(manifest)!, overrides);
            TimeSpan reading = Stopwatch.GetElapsedTime(stage);
            BenchmarkSettings settings = new(parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(repeats), parse.GetValue(together) ?? resolved.Training.SeedsTogether, parse.GetValue(evaluation));
            BenchmarkResult result;
            try
            {
                result = host.Services.GetRequiredService<TrainingBenchmark>().Measure(
                    resolved,
                    settings,
                    [new("runtime and command line", runtime), new("host and plugins", hosting), new("manifest", reading)]);
            }
            catch (NotSupportedException e) when (settings.Together > 1)
            {
                throw new AncInputException($"--together {settings.Together}: {e.Message}");
            }
            System.Console.Write(parse.GetValue(json) ? ResultJson.ToText(result.ToFile(), indented: false) + Environment.NewLine : Describe(result));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The figures as lines of <c>label: value</c>.</summary>
    public static string Describe(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        BenchmarkSettings settings = result.Settings;
        string split = result.Phases.Count == 0
            ? " (the experiment does not split its rounds by phase)"
            : " = " + string.Join(" + ", result.Phases.Select((p, i) => $"{p} {Milliseconds(result.PhaseTimes[i])}").Append($"{BenchmarkResult.OtherPhase} {Milliseconds(result.OtherTime)}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            bench: {result.Manifest}: experiment {result.Experiment}, scenario {result.Scenario}, seed {result.Seed}; {settings.WarmupRounds} warm-up round(s), then {settings.Repeats} x {settings.Steps} timed rounds
            steps/s: {result.MedianStepsPerSecond:0.00} median ({result.MinStepsPerSecond:0.00}-{result.MaxStepsPerSecond:0.00} over {settings.Repeats} repeats)
            round: {Milliseconds(result.RoundTime)} mean{split}
            start-up: {result.StartupTime.TotalSeconds:0.00} s from the process's start to the end of the first round = {string.Join(" + ", result.Startup.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Time.TotalSeconds:0.00} s")))}
            {Cost(result.SeedCost)}memory: peak resident {result.Memory.PeakResidentBytes / MiB:0.0} MiB, resident now {result.Memory.ResidentBytes / MiB:0.0} MiB ({result.Memory.Source}); managed heap {result.Memory.ManagedHeapBytes / MiB:0.0} MiB
            resident after each repeat: {string.Join(", ", result.Repeats.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ResidentBytes / MiB:0.0} MiB at step {r.LastStep}")))}
            {(settings.Together > 1 ? string.Create(CultureInfo.InvariantCulture, $"seeds trained together: {settings.Together} (seed {result.Seed} to {result.Seed + settings.Together - 1}), {settings.Together * result.MedianStepsPerSecond:0.00} seed-rounds/s\n") : string.Empty)}device: {result.Device}, {result.Threads} torch thread(s)
            batch size: {result.BatchSize}

            """);
    }

    /// <summary>The line on a whole seed's cost, or nothing where it was not measured.</summary>
    private static string Cost(SeedCost? cost)
    {
        if (cost is null)
        {
            return string.Empty;
        }

        string shared = cost.Together > 1 ? $" / {cost.Together} seeds" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"one seed: {cost.Rounds} rounds x {Milliseconds(cost.RoundTime)}{shared} = {cost.Training.TotalSeconds:0.0} s (at most: a stopping rule may end training sooner) + {cost.Evaluation.Units} {cost.Evaluation.Unit}s x {Milliseconds(cost.Evaluation.UnitTime)} = {cost.EvaluationTime.TotalSeconds:0.0} s; {cost.Total.TotalSeconds:0.0} s in all ({cost.Total.TotalMinutes:0.0} min)\n");
    }

    // From the kernel's record of the process's start, so the runtime's own start-up is counted.
    private static TimeSpan SinceProcessStart()
    {
        using Process process = Process.GetCurrentProcess();
        return DateTime.Now - process.StartTime;
    }

    private static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.00} ms");

    private static Option<int> AtLeast(Option<int> option, int least)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < least)
            {
                result.AddError($"{option.Name} must be {least} or more.");
            }
        });
        return option;
    }
}
