using System.Diagnostics;
using Anc.Attacks;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Resume;
using Anc.Runs;
using Anc.Scenarios;
using Anc.Statistics;
using Anc.Training.Engine;
using static TorchSharp.torch;

namespace Anc.AttackPanels;

/// <summary>
/// <c>anc-host attack</c>: puts each trained cipher of a finished run in front of a panel of
/// adversaries. For every seed that completed, the seed's experiment is rebuilt from the run's
/// manifest and restored from its final checkpoint, its cipher frozen
/// (<see cref="IAttackableExperiment"/>), and every attack of the panel trained against it and
/// measured on fresh held-out messages. Each attack and seed has its own random streams, so the
/// same run and panel give the same report.
/// </summary>
public sealed class RunAttacker
{
    // Offsets that keep attacks' streams apart from training's and evaluation's.
    private const long AttackStream = 0x0A77_AC00_0000;
    private const long KeyStream = 0x0A77_AC80_0000;

    private readonly ManifestReader _reader;
    private readonly ExperimentComposer _composer;
    private readonly ComponentFactory _factory;
    private readonly AttackPanelReader _panels;
    private readonly TorchDevices _devices;

    /// <summary>Creates an attacker.</summary>
    public RunAttacker(ManifestReader reader, ExperimentComposer composer, ComponentFactory factory, AttackPanelReader panels, TorchDevices devices)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentNullException.ThrowIfNull(devices);
        _reader = reader;
        _composer = composer;
        _factory = factory;
        _panels = panels;
        _devices = devices;
    }

    /// <summary>
    /// Attacks every completed seed of the finished run in <paramref name="runPath"/> with
    /// <paramref name="panel"/> (the scenario's default panel where null), writes
    /// <c>attack.json</c> and the report's section, and returns the report.
    /// </summary>
    /// <param name="runPath">The run directory.</param>
    /// <param name="panel">The panel; null for the scenario's default.</param>
    /// <param name="done">Called after each attack, with the seed and the verdict.</param>
    /// <param name="cancellationToken">Stops it between training steps; nothing is written then.</param>
    /// <exception cref="AncInputException">The folder is not a finished run, its scenario offers no cipher, or no seed completed.</exception>
    public AttackReport Attack(string runPath, AttackPanel? panel, Action<int, AttackVerdict>? done = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runPath);
        RunDirectory run = Open(runPath);
        ResolvedManifest manifest = _reader.Read(RunFolder.Manifest(run));
        string scenarioName = manifest.Scenario.Descriptor.Name;
        panel ??= _factory.Create<IScenario>(manifest.Scenario) is IAttackableScenario attackable
            ? _panels.Parse(attackable.DefaultPanel, $"the default panel of scenario '{scenarioName}'")
            : throw new AncInputException($"{run.FullPath}: scenario '{scenarioName}' offers no cipher to attack.");
        int[] seeds = manifest.Seeds.Where(s => new SeedCheckpoints(run.SeedPath(s)).Latest() is { Final: true }).ToArray();
        if (seeds.Length == 0)
        {
            throw new AncInputException($"{run.FullPath}: no seed finished training (no checkpoints/final); nothing to attack.");
        }

        Device device = _devices.Resolve(manifest.Device);
        RunEngine.SetThreads(manifest);
        List<SeedAttacks> attacked = [];
        foreach (int seed in seeds)
        {
            attacked.Add(AttackSeed(manifest, run, seed, device, panel, done, cancellationToken));
        }

        AttackReport report = new(panel, attacked);
        report.Write(run);
        return report;
    }

    private SeedAttacks AttackSeed(ResolvedManifest manifest, RunDirectory run, int seed, Device device, AttackPanel panel, Action<int, AttackVerdict>? done, CancellationToken cancellationToken)
    {
        using IExperiment experiment = _composer.CreateExperiment(manifest, seed, device, new Progress<MetricEvent>(), cancellationToken);
        if (experiment is not IAttackableExperiment attackable)
        {
            throw new AncInputException($"{run.FullPath}: scenario '{manifest.Scenario.Descriptor.Name}' offers no cipher to attack.");
        }

        experiment.RestoreCheckpoint(new SeedCheckpoints(run.SeedPath(seed)).Latest()!.Directory);
        List<AttackVerdict> verdicts = [];
        for (int i = 0; i < panel.Attacks.Count; i++)
        {
            PanelEntry entry = panel.Attacks[i];
            long stream = (seed * 0x1_0000L) + (i * 0x100L);
            using ICipherTarget target = attackable.CreateTarget(KeyStream + stream);
            IAttack attack = _factory.Create<IAttack>(entry.Attack);
            long started = Stopwatch.GetTimestamp();
            AttackResult result = attack.Run(new AttackContext(target, AttackStream + stream, panel.HeldOutExamples, new Progress<AttackProgress>(), cancellationToken));
            AttackVerdict verdict = Judge(entry, target, result, panel, Stopwatch.GetElapsedTime(started).TotalSeconds);
            verdicts.Add(verdict);
            done?.Invoke(seed, verdict);
        }

        return new SeedAttacks(seed, verdicts);
    }

    private static AttackVerdict Judge(PanelEntry entry, ICipherTarget target, AttackResult result, AttackPanel panel, double seconds)
    {
        if (result.Trials < 1 || result.Successes < 0 || result.Successes > result.Trials)
        {
            throw new InvalidOperationException($"Attack '{entry.Attack.Descriptor.Name}' reported {result.Successes} successes in {result.Trials} trials.");
        }

        double p = BinomialTest.TwoSided(result.Trials, result.Successes);
        double log10 = BinomialTest.Log10TwoSided(result.Trials, result.Successes);
        double chance = result.Measure == AttackMeasure.BitsRecovered ? target.PlaintextBits / 2.0 : 0;
        return new AttackVerdict(entry.Label, entry.Attack.Descriptor.Name, result, chance, p, log10, log10 < Math.Log10(panel.Threshold), seconds);
    }

    private static RunDirectory Open(string path)
    {
        RunDirectory run = RunFolder.Open(path);
        return File.Exists(Path.Combine(run.FullPath, "summary.json"))
            ? run
            : throw new AncInputException($"{run.FullPath}: the run has not finished (no summary.json); finish it with anc-host run --resume, then attack it.");
    }
}
