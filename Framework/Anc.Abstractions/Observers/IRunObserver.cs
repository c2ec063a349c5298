namespace Anc.Observers;

/// <summary>
/// Follows a run as it happens, for example to show progress. Register implementations in
/// the service collection; every method has an empty default, so implement only what you need.
/// Calls come from the thread that trains and must return quickly. An observer that throws is
/// reported once and left out of the rest of the run; the run goes on.
/// </summary>
public interface IRunObserver
{
    /// <summary>The run directory exists and training is about to begin.</summary>
    void OnRunStarted(RunStarted run)
    {
    }

    /// <summary>A seed has begun training: started, not waiting (its first figures may be some rounds away).</summary>
    void OnSeedStarted(SeedStarted seed)
    {
    }

    /// <summary>A seed reported figures.</summary>
    void OnMetrics(MetricEvent metrics)
    {
    }

    /// <summary>A seed has finished.</summary>
    void OnSeedCompleted(SeedCompleted seed)
    {
    }

    /// <summary>The run has finished and its summary is written.</summary>
    void OnRunCompleted(RunCompleted run)
    {
    }
}
