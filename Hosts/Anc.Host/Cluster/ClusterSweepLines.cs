using Anc.Cluster.Clients;
using Anc.Host.Console;

namespace Anc.Host.Cluster;

/// <summary><c>anc-host sweep --cluster</c>'s lines: each trial as it ends or moves, and how the sweep stands now and then.</summary>
internal sealed class ClusterSweepLines(TextWriter output) : IClusterSweepObserver
{
    public void OnSubmitted(ClusterSweepSubmitted submitted) =>
        output.WriteLine($"submitted {submitted.Submitted} trial(s) to the cluster at {submitted.Cluster} ({submitted.FinishedBefore} finished before, {submitted.DoneThere} of them done there already); Ctrl+C leaves them training there");

    public void OnTrialFinished(ClusterTrialFinished finished) =>
        output.WriteLine($"[{finished.Done}/{finished.Total}] " + (finished.Summary is { } summary
            ? $"{TrialLine.Of(finished.Trial, summary)} on {finished.Result.Worker} (attempt {finished.Result.Attempt} of {finished.Attempts})"
            : $"{TrialLine.Name(finished.Trial)}: {finished.Result.Worker} could not train it: {finished.Result.Error}; it is retried when the sweep is submitted again"));

    public void OnTrialTakenOver(ClusterTrialTakenOver takenOver) =>
        output.WriteLine($"{takenOver.Trial.Id}: taken over by {takenOver.Worker} (attempt {takenOver.Attempt}), from its last checkpoint");

    public void OnStanding(ClusterSweepStanding standing)
    {
        IEnumerable<string> training = standing.Training.Take(4).Select(t => $"{t.Id} {t.Progress?.Text ?? "starting"} on {t.Worker}");
        output.WriteLine($"{standing.Done} of {standing.Total} done; training {standing.Training.Count}: {string.Join(", ", training)}; waiting {standing.Waiting}");
    }

    public void OnLeft(ClusterSweepLeft left) =>
        output.WriteLine($"left the sweep training in the cluster ({left.Done} of {left.Submitted} submitted trials done); run the same command to follow it again");
}
