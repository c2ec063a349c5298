using System.Diagnostics;
using System.Globalization;
using Anc.Results;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Runs;

/// <summary>
/// What a run directory says about its run, for the run browser: when, which experiment, the
/// seeds, the success rate, and its status. A finished run's status is its summary's; one
/// without a summary is <c>running</c> while its heartbeat is fresh and its process alive, and
/// <c>killed</c> otherwise (stopped before it could write its summary).
/// </summary>
/// <param name="Directory">The run folder's full path.</param>
/// <param name="Experiment">The experiment.</param>
/// <param name="StartedAt">When it started, from its folder name.</param>
/// <param name="Seeds">How many seeds it has.</param>
/// <param name="SuccessRate">The share of seeds that succeeded, once finished.</param>
/// <param name="Status">How it stands (<see cref="RunStatus"/>).</param>
/// <param name="Summary">summary.json, once finished.</param>
public sealed record RunRecord(string Directory, string Experiment, DateTimeOffset StartedAt, int Seeds, double? SuccessRate, string Status, RunSummaryFile? Summary)
{
    /// <summary>A heartbeat older than this means the run is no longer alive.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(60);

    /// <summary>Every run under <paramref name="root"/> (<c>&lt;root&gt;/&lt;experiment&gt;/&lt;run&gt;/</c>, <c>&lt;root&gt;/&lt;run&gt;/</c> as in a sweep's <c>trials/</c>, or a run folder itself), oldest first.</summary>
    public static IReadOnlyList<RunRecord> FindAll(string root, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (File.Exists(Path.Combine(root, "manifest.json")))
        {
            return [Read(root, now)];
        }

        // Runs are <root>/<experiment>/<run>/; a folder of runs themselves (a sweep's trials/) lists them too.
        return System.IO.Directory.EnumerateDirectories(root)
            .SelectMany(d => File.Exists(Path.Combine(d, "manifest.json")) ? [d] : System.IO.Directory.EnumerateDirectories(d))
            .Where(d => File.Exists(Path.Combine(d, "manifest.json")))
            .Select(d => Read(d, now))
            .OrderBy(r => r.StartedAt)
            .ThenBy(r => r.Directory, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads one run folder.</summary>
    /// <exception cref="IOException">It holds no readable manifest.json.</exception>
    public static RunRecord Read(string directory, DateTimeOffset now)
    {
        string full = Path.GetFullPath(directory);
        JObject manifest = ReadJson(Path.Combine(full, "manifest.json"))
            ?? throw new IOException($"{directory}: not a run directory (it has no readable manifest.json).");
        // A damaged summary or heartbeat reads as none: the run browser shows the run as stopped, never fails on it.
        RunSummaryFile? summary = ResultJson.ReadOrNone<RunSummaryFile>(Path.Combine(full, RunSummaryFile.FileName));
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(full));
        DateTimeOffset started = DateTimeOffset.TryParseExact(name[..Math.Min(15, name.Length)], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset stamp)
            ? stamp
            : new DateTimeOffset(System.IO.Directory.GetCreationTimeUtc(full), TimeSpan.Zero);
        int seeds = (manifest["seeds"] as JArray)?.Count ?? 0;
        string status = summary?.Status ?? (IsAlive(full, now) ? RunStatus.Running : RunStatus.Killed);
        return new RunRecord(full, (string?)manifest["experiment"] ?? "?", started, seeds, summary?.SuccessRate, status, summary);
    }

    private static bool IsAlive(string directory, DateTimeOffset now)
    {
        HeartbeatFile? heartbeat = ResultJson.ReadOrNone<HeartbeatFile>(Path.Combine(directory, HeartbeatFile.FileName));
        if (heartbeat is null || now - heartbeat.UpdatedAt > Stale)
        {
            return false;
        }

        // On this machine a dead process settles it at once; elsewhere the heartbeat's age decides.
        if (heartbeat.Machine != Environment.MachineName)
        {
            return true;
        }

        try
        {
            using Process process = Process.GetProcessById(heartbeat.Pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static JObject? ReadJson(string path)
    {
        try
        {
            return File.Exists(path) ? JObject.Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
