using Anc.Resume;
using Anc.Runs;
using Anc.Scenarios;
using TorchSharp;

namespace Anc.Training.Engine;

/// <summary>One seed of a <see cref="SeedGroupTrainer"/>'s group: its experiment, files, clock, view of torch's generator and outcome.</summary>
internal sealed class GroupMember(int seed, RunDirectory run) : IDisposable
{
    private torch.Tensor? _generator;

    public int Seed { get; } = seed;

    public SeedCheckpoints Checkpoints { get; } = new(run.SeedPath(seed));

    public SeedClock Clock { get; } = new();

    /// <summary>The seed's own experiment: stacked into the batch while it trains, brought up to date by <see cref="ISeedBatch.WriteBack"/>.</summary>
    public IExperiment? Experiment { get; private set; }

    /// <summary>Its <c>metrics.jsonl</c>, open while it trains.</summary>
    public MetricsLog? Log { get; private set; }

    /// <summary>The last round it trained.</summary>
    public long Steps { get; set; }

    /// <summary>How it ended; null while it trains.</summary>
    public SeedOutcome? Outcome { get; set; }

    /// <summary>Takes the seed's experiment, created and perhaps restored, and the generator state it left.</summary>
    public void Begin(IExperiment experiment, SeedCheckpoint? restored)
    {
        Experiment = experiment;
        Steps = restored?.Step ?? 0;
        Clock.ContinueFrom(restored?.ElapsedSeconds ?? 0);
        // Training alone leaves torch's generator where building (or restoring) the seed left it.
        _generator = torch.random.get_rng_state();
        if (restored is not { Final: true })
        {
            Log = new MetricsLog(Path.Combine(run.SeedPath(Seed), "metrics.jsonl"), restored?.MetricsBytes ?? 0);
        }
    }

    /// <summary>Sets torch's global generator to this seed's, as it would be had the seed trained alone.</summary>
    public void UseGenerator() => torch.random.set_rng_state(_generator!);

    /// <summary>Checkpoints the experiment, which must be up to date, after round <see cref="Steps"/>.</summary>
    public void Save(bool final)
    {
        UseGenerator();
        Checkpoints.Save(Experiment!, Steps, Clock.Seconds, Log!.Length, final);
    }

    public void Dispose()
    {
        Log?.Dispose();
        Experiment?.Dispose();
        _generator?.Dispose();
    }
}
