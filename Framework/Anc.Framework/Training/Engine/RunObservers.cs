using Anc.Observers;

namespace Anc.Training.Engine;

/// <summary>
/// Hands each run event to every observer of the run (the registered ones and the run's own), on
/// the calling thread, one event at a time: seeds trained in parallel report from several threads,
/// and observers are written for one caller.
/// </summary>
internal sealed class RunObservers(IEnumerable<IRunObserver> observers) : IProgress<MetricEvent>
{
    private readonly IRunObserver[] _observers = observers.ToArray();
    private readonly Lock _gate = new();

    public void Report(MetricEvent value) => Each(o => o.OnMetrics(value));

    public void RunStarted(RunStarted run) => Each(o => o.OnRunStarted(run));

    public void SeedCompleted(SeedCompleted seed) => Each(o => o.OnSeedCompleted(seed));

    public void RunCompleted(RunCompleted run) => Each(o => o.OnRunCompleted(run));

    private void Each(Action<IRunObserver> call)
    {
        lock (_gate)
        {
            foreach (IRunObserver observer in _observers)
            {
                call(observer);
            }
        }
    }
}
