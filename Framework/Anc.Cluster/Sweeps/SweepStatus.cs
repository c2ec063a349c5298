namespace Anc.Cluster.Sweeps;

/// <summary>
/// A sweep's trials as a client sees them, in submission order, with the counts a progress line needs.
/// </summary>
/// <param name="SweepId">The sweep's id.</param>
/// <param name="Trials">Its trials, in submission order.</param>
[GenerateSerializer, Immutable]
public sealed record SweepStatus(
    [property: Id(0)] string SweepId,
    [property: Id(1)] IReadOnlyList<TrialStatus> Trials)
{
    /// <summary>The number of trials waiting for a worker.</summary>
    public int Pending => Count(TrialState.Pending);

    /// <summary>The number of trials leased to a worker.</summary>
    public int Running => Count(TrialState.Running);

    /// <summary>The number of trials whose result is recorded.</summary>
    public int Done => Count(TrialState.Done);

    /// <summary>The number of done trials whose result is a success.</summary>
    public int Succeeded => Trials.Count(trial => trial.Result is { Success: true });

    /// <summary>The number of done trials whose result is a failure.</summary>
    public int Failed => Trials.Count(trial => trial.Result is { Success: false });

    /// <summary>Whether every trial is done (an empty sweep is).</summary>
    public bool IsFinished => Done == Trials.Count;

    private int Count(TrialState state) => Trials.Count(trial => trial.State == state);
}
