using Anc.Observers;
using Anc.Scenarios;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// The evaluation's progress as the seed's observers see it, reported from the threads that
/// train fresh Eves side by side: Eve-steps done by all of them, one report at a time.
/// </summary>
internal sealed class EvaluationProgress(ExperimentContext context, long total)
{
    private readonly Lock _lock = new();
    private long _done;

    /// <summary>Adds <paramref name="steps"/> Eve-steps done and reports them with <paramref name="metrics"/>.</summary>
    public void Report(long steps, IReadOnlyDictionary<string, double> metrics)
    {
        lock (_lock)
        {
            _done += steps;
            context.Progress.Report(new MetricEvent(context.Seed, MetricPhase.Evaluation, _done, total, metrics));
        }
    }
}
