using Anc.Observers;

namespace Anc.Training;

/// <summary>Hands each run event to every observer of the run (the registered ones and the run's own), on the calling thread.</summary>
internal sealed class RunObservers(IEnumerable<IRunObserver> observers) : IProgress<MetricEvent>
{
    private readonly IRunObserver[] _observers = observers.ToArray();

    public void Report(MetricEvent value) => Each(o => o.OnMetrics(value));

    public void RunStarted(RunStarted run) => Each(o => o.OnRunStarted(run));

    public void SeedCompleted(SeedCompleted seed) => Each(o => o.OnSeedCompleted(seed));

    public void RunCompleted(RunCompleted run) => Each(o => o.OnRunCompleted(run));

    private void Each(Action<IRunObserver> call)
    {
        foreach (IRunObserver observer in _observers)
        {
            call(observer);
        }
    }
}
