using Anc.Observers;

namespace Anc.Host.Console;

/// <summary>
/// What is known of one seed of a run: waiting, started (no report yet), in a phase (its last
/// report and speed), or finished. Seeds may train at the same time, so each keeps its own measurements.
/// </summary>
internal sealed class SeedProgress(int seed)
{
    private readonly StepRate _rate = new();
    private TimeSpan _reportedAt;

    public int Seed { get; } = seed;

    /// <summary>The phase of the last report; null before the first.</summary>
    public string? Phase { get; private set; }

    public long Step { get; private set; }

    public long TotalSteps { get; private set; }

    /// <summary>The last report's figures, in the scenario's order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Figures { get; private set; } = [];

    /// <summary>How the seed ended; null while it has not.</summary>
    public SeedCompleted? Outcome { get; private set; }

    /// <summary>The order in which seeds finished, for showing the latest ones first.</summary>
    public long FinishedOrder { get; private set; }

    /// <summary>Whether the seed has begun training (its first report may be some rounds away).</summary>
    public bool IsStarted { get; private set; }

    public bool IsWaiting => !IsStarted && Phase is null && Outcome is null;

    public bool IsRunning => Phase is not null && Outcome is null;

    public double? StepsPerSecond => _rate.PerSecond;

    /// <summary>
    /// Training may end before its last step (a scenario's stopping rule), so its estimate is
    /// only an upper bound; other phases run every step they announce.
    /// </summary>
    public bool EtaIsUpperBound => Phase == MetricPhase.Training;

    public void Start() => IsStarted = true;

    public void Record(MetricEvent metrics, TimeSpan at)
    {
        IsStarted = true;
        if (metrics.Phase != Phase)
        {
            // Phases train different networks at different speeds.
            _rate.Clear();
            Phase = metrics.Phase;
        }

        Step = metrics.Step;
        TotalSteps = metrics.TotalSteps;
        // A copy: the display's thread reads it, and the reporter's dictionary is not ours to share.
        Figures = [.. metrics.Values];
        _reportedAt = at;
        _rate.Add(metrics.Step, at);
    }

    public void Finish(SeedCompleted outcome, long order)
    {
        Outcome = outcome;
        FinishedOrder = order;
    }

    /// <summary>The time the phase's remaining steps take at the current speed, counted from <paramref name="now"/>; null where that is not known.</summary>
    public TimeSpan? Eta(TimeSpan now)
    {
        if (!IsRunning || StepsPerSecond is not double rate)
        {
            return null;
        }

        TimeSpan left = TimeSpan.FromSeconds((TotalSteps - Step) / rate) - (now - _reportedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
