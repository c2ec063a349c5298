namespace Anc.Host;

/// <summary>What <c>anc-host</c>'s exit code means.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done and every seed met its criteria.</summary>
    public const int Success = 0;

    /// <summary>The experiment ran but failed its criteria, or crashed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: arguments, manifest or plugin.</summary>
    public const int BadInput = 2;
}
