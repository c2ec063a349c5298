namespace Anc.Cluster.Workers;

/// <summary>How much a worker takes on and how often it asks for work.</summary>
public sealed class TrialWorkerOptions
{
    /// <summary>How many trials the worker runs at once; 1 by default (training is CPU bound).</summary>
    public int Slots { get; set; } = 1;

    /// <summary>How long an idle slot waits before asking again; 2 s by default.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The worker's id in leases and results; the silo's address when not set.</summary>
    public string? WorkerId { get; set; }
}
