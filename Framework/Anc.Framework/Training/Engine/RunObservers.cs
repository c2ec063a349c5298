using Anc.Observers;

namespace Anc.Training.Engine;

/// <summary>
/// Hands each run event to every observer of the run (the registered ones and the run's own), on
/// the calling thread, one event at a time: seeds trained in parallel report from several threads,
/// and observers are written for one caller. An observer that throws is reported once, through
/// <c>warn</c>, with its plugin's name, and left out of the rest of the run: a fault in what
/// watches a seed does not end the seed.
/// </summary>
internal sealed class RunObservers(IEnumerable<IRunObserver> observers, Action<string> warn) : IProgress<MetricEvent>
{
    // Replaced, not changed, when an observer is left out: the loop below goes on over the array it began with.
    private IRunObserver[] _observers = [.. observers];
    private readonly Lock _gate = new();

    public void Report(MetricEvent value) => Each(o => o.OnMetrics(value));

    public void RunStarted(RunStarted run) => Each(o => o.OnRunStarted(run));

    public void SeedStarted(SeedStarted seed) => Each(o => o.OnSeedStarted(seed));

    public void SeedCompleted(SeedCompleted seed) => Each(o => o.OnSeedCompleted(seed));

    public void RunCompleted(RunCompleted run) => Each(o => o.OnRunCompleted(run));

    private void Each(Action<IRunObserver> call)
    {
        lock (_gate)
        {
            foreach (IRunObserver observer in _observers)
            {
                try
                {
                    call(observer);
                }
                catch (Exception e)
                {
                    _observers = [.. _observers.Where(o => o != observer)];
                    Type type = observer.GetType();
                    warn($"observer {type.Name} of plugin '{type.Assembly.GetName().Name}' threw {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}; it is left out of the rest of this run, which goes on.");
                }
            }
        }
    }
}
