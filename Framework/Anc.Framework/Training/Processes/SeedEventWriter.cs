using Anc.Observers;

namespace Anc.Training.Processes;

/// <summary>Writes a seed's events as <see cref="SeedEventLine"/>s, each flushed at once so that the run shows it while the seed trains.</summary>
internal sealed class SeedEventWriter(TextWriter events) : IProgress<MetricEvent>
{
    public void Report(MetricEvent value)
    {
        events.WriteLine(SeedEventLine.Write(value));
        events.Flush();
    }
}
