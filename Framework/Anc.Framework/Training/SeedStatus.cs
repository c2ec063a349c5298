namespace Anc.Training;

/// <summary>The ways a seed can end, as the run summary writes them.</summary>
public static class SeedStatus
{
    /// <summary>Trained and evaluated; <c>success</c> says whether it met the criteria.</summary>
    public const string Completed = "completed";

    /// <summary>An exception ended it; the message and the seed's <c>error.log</c> say which.</summary>
    public const string Crashed = "crashed";

    /// <summary>A figure became NaN or infinite; the message names it, its party and the step, and training stopped there.</summary>
    public const string Diverged = "diverged";

    /// <summary>The user stopped the run.</summary>
    public const string Cancelled = "cancelled";
}
