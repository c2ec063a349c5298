using Anc.Observers;

namespace Anc.TestPlugins.Faulty;

/// <summary>An observer that throws at every report of a run whose experiment is <see cref="Experiment"/>, and watches any other quietly.</summary>
public sealed class FaultyObserver : IRunObserver
{
    /// <summary>The experiment whose reports it throws at.</summary>
    public const string Experiment = "observer-fault";

    private bool _armed;

    /// <inheritdoc />
    public void OnRunStarted(RunStarted run) => _armed = run.Experiment == Experiment;

    /// <inheritdoc />
    public void OnMetrics(MetricEvent metrics)
    {
        if (_armed)
        {
            throw new InvalidOperationException("the faulty observer fails on purpose");
        }
    }
}
