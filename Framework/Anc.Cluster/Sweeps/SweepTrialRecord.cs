namespace Anc.Cluster.Sweeps;

/// <summary>One trial in a sweep's durable state: its spec, where it stands and the lease that holds it.</summary>
[GenerateSerializer]
public sealed class SweepTrialRecord
{
    /// <summary>What the trial needs to run.</summary>
    [Id(0)] public TrialSpec Spec { get; set; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>Where it stands.</summary>
    [Id(1)] public TrialState State { get; set; }

    /// <summary>The worker holding it, or the one that completed it.</summary>
    [Id(2)] public string? Worker { get; set; }

    /// <summary>How many times it was leased; the current attempt's number while running.</summary>
    [Id(3)] public int Attempts { get; set; }

    /// <summary>When the current lease runs out, while running.</summary>
    [Id(4)] public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The last progress reported.</summary>
    [Id(5)] public TrialProgress? Progress { get; set; }

    /// <summary>The result, once done.</summary>
    [Id(6)] public TrialResult? Result { get; set; }

    /// <summary>The record as a client sees it.</summary>
    public TrialStatus ToStatus() => new(Spec.Id, State, Worker, Attempts, Progress, Result);
}
