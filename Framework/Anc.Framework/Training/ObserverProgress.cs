using Anc.Observers;

namespace Anc.Training;

/// <summary>Hands a scenario's progress reports to the observers on the calling thread.</summary>
internal sealed class ObserverProgress(IReadOnlyList<IRunObserver> observers) : IProgress<MetricEvent>
{
    public void Report(MetricEvent value)
    {
        foreach (IRunObserver observer in observers)
        {
            observer.OnMetrics(value);
        }
    }
}
