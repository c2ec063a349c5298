using System.Threading.Channels;
using Anc.Observers;

namespace Anc.Training;

/// <summary>Passes one run's metric events into a channel; unbounded, so training never waits for the reader.</summary>
internal sealed class MetricChannelObserver(ChannelWriter<MetricEvent> events) : IRunObserver
{
    public void OnMetrics(MetricEvent metrics) => events.TryWrite(metrics);
}
