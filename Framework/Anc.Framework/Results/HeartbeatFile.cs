namespace Anc.Results;

/// <summary><c>heartbeat.json</c>: which process trains a run, and when it last said so.</summary>
/// <param name="Pid">The process.</param>
/// <param name="Machine">Its machine.</param>
/// <param name="UpdatedAt">When it last wrote.</param>
public sealed record HeartbeatFile(int Pid, string Machine, DateTimeOffset UpdatedAt)
{
    /// <summary>The file's name in a run directory.</summary>
    public const string FileName = "heartbeat.json";
}
