namespace Anc.Cluster.Sweeps;

/// <summary>A sweep's durable state: its trials in submission order.</summary>
[GenerateSerializer]
public sealed class SweepGrainState
{
    /// <summary>The trials, in submission order (the order they are leased in).</summary>
    [Id(0)] public List<SweepTrialRecord> Trials { get; set; } = [];
}
