namespace Anc.Training;

/// <summary>The ways a seed can end, as the run summary writes them.</summary>
public static class SeedStatus
{
    /// <summary>Trained and evaluated; <c>success</c> says whether it met the criteria.</summary>
    public const string Completed = "completed";

    /// <summary>An exception ended it; the message and the seed's <c>error.log</c> say which.</summary>
    public const string Crashed = "crashed";

    /// <summary>The user stopped the run.</summary>
    public const string Cancelled = "cancelled";
}
