namespace Anc.Results;

/// <summary>
/// The ways a run stands, as <c>summary.json</c>'s <c>status</c> and the run browser say them
/// (a seed's own are <see cref="Training.SeedStatus"/>).
/// </summary>
public static class RunStatus
{
    /// <summary>Every seed trained and evaluated (each may or may not have succeeded).</summary>
    public const string Completed = "completed";

    /// <summary>Finished, but at least one seed crashed.</summary>
    public const string CompletedWithCrashes = "completed-with-crashes";

    /// <summary>The user stopped it; it can be resumed.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>No summary yet, and its heartbeat is fresh and its process alive (the run browser's word).</summary>
    public const string Running = "running";

    /// <summary>No summary, and nothing alive writes it: stopped before it could (the run browser's word).</summary>
    public const string Killed = "killed";
}
