using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Results;
using Anc.Runs;
using Anc.Training.Engine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>
/// Trains one trial into its run directory, whatever state it was left in: a new one starts, an
/// unfinished one (killed, crashed, cancelled; on this machine or another that shares the
/// folder) resumes from its checkpoints, a finished one is left as it is. Used by local sweeps
/// and by cluster workers alike, so a trial is the same run wherever it trains.
/// </summary>
public sealed class TrialRunner
{
    private readonly RunEngine _engine;
    private readonly ManifestReader _reader;
    private readonly TimeProvider _time;

    internal TrialRunner(RunEngine engine, ManifestReader reader, TimeProvider time)
    {
        _engine = engine;
        _reader = reader;
        _time = time;
    }

    /// <summary>
    /// Trains the trial whose run directory is <paramref name="directory"/> and whose manifest
    /// (resolved, one seed) is <paramref name="manifest"/>, on the calling thread.
    /// </summary>
    /// <param name="directory">The trial's run directory.</param>
    /// <param name="manifest">The trial's manifest; an unfinished trial keeps the one in its folder.</param>
    /// <param name="sharedBy">How many trials share the machine now: above one, the trial's seed trains in a process of its own with that share of the threads.</param>
    /// <param name="held">The caller holds the trial by other means (a cluster's lease), so a fresh heartbeat in its folder is a dead worker's, not a live run's.</param>
    /// <param name="observer">Sees the trial's events, or null.</param>
    /// <param name="cancellationToken">Stops training within the current round; the trial is then unfinished.</param>
    /// <returns>The trial's <c>summary.json</c>; <c>ran</c> is false when it had finished before.</returns>
    /// <exception cref="AncInputException">The manifest does not resolve with the loaded plugins, or (unless <paramref name="held"/>) another process is training the trial.</exception>
    public (RunSummaryFile Summary, bool Ran) Run(string directory, JObject manifest, int sharedBy, bool held, IRunObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(manifest);
        string[] commandLine = Environment.GetCommandLineArgs();
        switch (SweepDirectory.StateOf(directory, _time.GetUtcNow()))
        {
            case TrialFolderState.Finished:
                return (ReadSummary(directory), false);
            case TrialFolderState.Running when !held:
                throw new AncInputException($"{directory}: another process is training this trial (its heartbeat is fresh); let it finish or stop it first.");
            case TrialFolderState.New:
                if (Directory.Exists(directory))
                {
                    // A start cut short before its manifest was written left nothing worth keeping.
                    Directory.Delete(directory, recursive: true);
                }

                string file = Path.Combine(directory, "manifest.json");
                ResolvedManifest fresh = _reader.Parse(manifest.ToString(Formatting.Indented), file);
                _engine.RunInto(RunDirectory.CreateAt(directory), fresh, sharedBy, commandLine, observer, cancellationToken);
                break;
            default:
                ResolvedManifest kept = _reader.Read(Path.Combine(directory, "manifest.json"));
                _engine.Resume(RunDirectory.Open(directory), kept, parallel: 1, commandLine, observer, cancellationToken, sharedBy);
                break;
        }

        return (ReadSummary(directory), true);
    }

    private static RunSummaryFile ReadSummary(string directory) =>
        RunSummaryFile.ReadIfExists(directory) ?? throw new IOException($"{directory}: the trial left no summary.json.");
}
