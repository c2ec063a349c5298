using Anc.Results;

namespace Anc.Benchmarking;

/// <summary>What a <see cref="TrainingBenchmark"/> measured, and where.</summary>
public sealed class BenchmarkResult
{
    /// <summary>The name <see cref="OtherPhase"/> gives the part of a round outside the experiment's phases.</summary>
    public const string OtherPhase = "other";

    internal BenchmarkResult(
        string manifest, string experiment, string scenario, int seed, string device, int threads, int batchSize,
        BenchmarkSettings settings, IReadOnlyList<string> phases, IReadOnlyList<BenchmarkRepeat> repeats, ProcessMemory memory,
        IReadOnlyList<StartupStage> startup, long maxSteps, EvaluationTiming? evaluation)
    {
        Startup = startup;
        Manifest = manifest;
        Experiment = experiment;
        Scenario = scenario;
        Seed = seed;
        Device = device;
        Threads = threads;
        BatchSize = batchSize;
        Settings = settings;
        Phases = phases;
        Repeats = repeats;
        Memory = memory;
        double[] rates = repeats.Select(r => r.StepsPerSecond).Order().ToArray();
        MedianStepsPerSecond = rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[(rates.Length / 2) - 1] + rates[rates.Length / 2]) / 2;
        MinStepsPerSecond = rates[0];
        MaxStepsPerSecond = rates[^1];
        long rounds = repeats.Sum(r => (long)r.Steps);
        RoundTime = repeats.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed) / rounds;
        PhaseTimes = phases.Select((_, i) => repeats.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Phases[i]) / rounds).ToArray();
        SeedCost = evaluation is null ? null : new SeedCost(maxSteps, RoundTime, settings.Together, evaluation);
    }

    /// <summary>The manifest file, as the caller named it.</summary>
    public string Manifest { get; }

    /// <summary>The manifest's experiment.</summary>
    public string Experiment { get; }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>The seed whose experiment was trained: the manifest's first.</summary>
    public int Seed { get; }

    /// <summary>The device trained on, such as <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; }

    /// <summary>Torch's intra-op thread count while training.</summary>
    public int Threads { get; }

    /// <summary>The manifest's batch size.</summary>
    public int BatchSize { get; }

    /// <summary>How it was measured.</summary>
    public BenchmarkSettings Settings { get; }

    /// <summary>The phases the experiment splits a round into (<see cref="Scenarios.IRoundTimings.Phases"/>); empty where it does not.</summary>
    public IReadOnlyList<string> Phases { get; }

    /// <summary>Each timed repeat, in order.</summary>
    public IReadOnlyList<BenchmarkRepeat> Repeats { get; }

    /// <summary>
    /// Where the time from the process's start to the end of the first training round went,
    /// stage by stage (those the caller timed, then building the experiment and its first round).
    /// </summary>
    public IReadOnlyList<StartupStage> Startup { get; }

    /// <summary>The sum of the <see cref="Startup"/> stages.</summary>
    public TimeSpan StartupTime => Startup.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time);

    /// <summary>The process's memory after the last repeat.</summary>
    public ProcessMemory Memory { get; }

    /// <summary>The median over repeats of rounds per second.</summary>
    public double MedianStepsPerSecond { get; }

    /// <summary>The slowest repeat's rounds per second.</summary>
    public double MinStepsPerSecond { get; }

    /// <summary>The fastest repeat's rounds per second.</summary>
    public double MaxStepsPerSecond { get; }

    /// <summary>A round's mean time over every timed round.</summary>
    public TimeSpan RoundTime { get; }

    /// <summary>Each phase's mean time per round over every timed round, in <see cref="Phases"/>' order.</summary>
    public IReadOnlyList<TimeSpan> PhaseTimes { get; }

    /// <summary>The mean time per round outside the experiment's phases (its figures, the framework's loop); the whole round where there are no phases.</summary>
    public TimeSpan OtherTime => RoundTime - PhaseTimes.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>What one seed costs at the manifest's settings, timed; <see langword="null"/> where the experiment does not tell its evaluation's work (<see cref="Scenarios.IEvaluationWork"/>) or none was timed.</summary>
    public SeedCost? SeedCost { get; }

    /// <summary>Every figure as the record <c>anc-host bench --json</c> prints (<see cref="ResultJson"/>), for scripts.</summary>
    public BenchmarkFile ToFile()
    {
        Dictionary<string, double> phases = [];
        for (int i = 0; i < Phases.Count; i++)
        {
            phases[Phases[i]] = PhaseTimes[i].TotalMilliseconds;
        }

        phases[OtherPhase] = OtherTime.TotalMilliseconds;
        return new BenchmarkFile(
            Manifest,
            Experiment,
            Scenario,
            Seed,
            Device,
            Threads,
            BatchSize,
            Settings.Warmup,
            Settings.Steps,
            Settings.Repeats,
            Settings.EvaluationSteps,
            Settings.Together,
            new BenchmarkSpeed(MedianStepsPerSecond, MinStepsPerSecond, MaxStepsPerSecond, [.. Repeats.Select(r => r.StepsPerSecond)]),
            new BenchmarkRoundTime(RoundTime.TotalMilliseconds, phases),
            new BenchmarkStartup(StartupTime.TotalSeconds, Startup.ToDictionary(s => s.Name, s => s.Time.TotalSeconds)),
            SeedCost is null
                ? null
                : new BenchmarkSeedCost(
                    SeedCost.Rounds,
                    SeedCost.RoundTime.TotalMilliseconds,
                    SeedCost.Together,
                    SeedCost.Training.TotalSeconds,
                    SeedCost.Evaluation.Unit,
                    SeedCost.Evaluation.Units,
                    SeedCost.Evaluation.UnitTime.TotalMilliseconds,
                    SeedCost.EvaluationTime.TotalSeconds,
                    SeedCost.Total.TotalSeconds),
            new BenchmarkMemory(
                Memory.PeakResidentBytes, Memory.ResidentBytes, Memory.Source, Memory.ManagedHeapBytes, [.. Repeats.Select(r => new BenchmarkResidentPoint(r.LastStep, r.ResidentBytes))]));
    }
}
