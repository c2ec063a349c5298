using System.Collections.Concurrent;
using Anc.Diagnostics;
using Anc.Results;

namespace Anc.Sweeps;

/// <summary>
/// Runs a sweep on this machine: the trials not yet finished in its folder, one after another in
/// this process or several at once each in a process of its own, then the sweep's summary. It
/// needs no server: the folder is the whole state, so running it again trains only what is left
/// (unfinished trials resume from their checkpoints) and a finished sweep trains nothing.
/// </summary>
public sealed class SweepRunner
{
    private readonly TrialRunner _trials;
    private readonly TimeProvider _time;

    internal SweepRunner(TrialRunner trials, TimeProvider time)
    {
        _trials = trials;
        _time = time;
    }

    /// <summary>Runs <paramref name="plan"/> on the calling thread (training is long and CPU-bound; give it a thread of its own).</summary>
    /// <param name="plan">The sweep, from <see cref="SweepReader"/>.</param>
    /// <param name="settings">Where, and how many trials at once.</param>
    /// <param name="progress">Told of each trial as it ends, or null.</param>
    /// <param name="cancellationToken">Stops the trials within their current round; they resume when the sweep runs again.</param>
    /// <exception cref="AncInputException">The sweeps root cannot be written, or another process is training one of the trials.</exception>
    public SweepResult Run(SweepPlan plan, SweepSettings settings, IProgress<TrialFinished>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Parallel, 1);
        SweepDirectory directory = Open(settings.OutputRoot, plan.Name);
        directory.WritePlan(plan);
        Dictionary<SweepTrial, TrialFolderState> states = plan.Trials.ToDictionary(t => t, t => SweepDirectory.StateOf(directory.TrialPath(t), _time.GetUtcNow()));
        if (states.FirstOrDefault(s => s.Value == TrialFolderState.Running).Key is { } running)
        {
            throw new AncInputException($"{directory.TrialPath(running)}: another process is training this trial of the sweep (its heartbeat is fresh); let it finish or stop it first.");
        }

        List<SweepTrial> left = [.. plan.Trials.Where(t => states[t] != TrialFolderState.Finished)];
        int sharedBy = Math.Max(1, Math.Min(settings.Parallel, left.Count));
        int done = plan.Trials.Count - left.Count;
        ConcurrentBag<SweepTrial> trained = [];
        Parallel.ForEach(
            Partitioner.Create(left, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = sharedBy },
            trial =>
            {
                // A trial not begun when the sweep is stopped is left for the next time.
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                (RunSummaryFile summary, _) = _trials.Run(directory.TrialPath(trial), trial.Manifest(), sharedBy, held: false, observer: null, cancellationToken);
                trained.Add(trial);
                progress?.Report(new TrialFinished(trial, summary, Interlocked.Increment(ref done), plan.Trials.Count));
            });

        return new SweepResult(directory.FullPath, directory.WriteSummary(plan), trained.Count, plan.Trials.Count - left.Count);
    }

    /// <summary>The folder of the sweep <paramref name="name"/> under <paramref name="root"/>, or a one-line error.</summary>
    /// <exception cref="AncInputException">It cannot be created.</exception>
    public static SweepDirectory Open(string root, string name)
    {
        try
        {
            return SweepDirectory.At(root, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AncInputException($"{root}: cannot create the sweep's folder there ({e.Message}); choose another --output.");
        }
    }
}
