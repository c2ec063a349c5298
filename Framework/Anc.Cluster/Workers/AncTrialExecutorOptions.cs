namespace Anc.Cluster.Workers;

/// <summary>Where the ANC trial executor may write.</summary>
public sealed class AncTrialExecutorOptions
{
    /// <summary>
    /// The folder whose trials this worker trains (anc-worker's <c>--sweeps-root</c>); a trial whose
    /// folder resolves outside it (an absolute path elsewhere, <c>..</c>, a symbolic link out) is
    /// refused and reported failed with the reason, and nothing is written. The working
    /// directory when not set.
    /// </summary>
    public string? SweepsRoot { get; set; }
}
