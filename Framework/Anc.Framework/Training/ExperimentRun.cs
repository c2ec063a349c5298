using System.Threading.Channels;
using Anc.Observers;

namespace Anc.Training;

/// <summary>A run that <see cref="IExperimentRunner.Start(Anc.Manifests.ManifestSource, RunSettings, CancellationToken)"/> began: its metric events as they come, and its outcome.</summary>
public sealed class ExperimentRun
{
    private readonly ChannelReader<MetricEvent> _events;

    internal ExperimentRun(ChannelReader<MetricEvent> events, Task<RunResult> completion)
    {
        _events = events;
        Completion = completion;
    }

    /// <summary>
    /// Every seed's figures, in the order reported, during training and evaluation. The sequence
    /// ends when the run does, and throws the run's error if it failed. Events wait for a
    /// reader without slowing training; read them once.
    /// </summary>
    public IAsyncEnumerable<MetricEvent> Events => _events.ReadAllAsync();

    /// <summary>The run's outcome, once its <c>summary.json</c> is written.</summary>
    public Task<RunResult> Completion { get; }
}
