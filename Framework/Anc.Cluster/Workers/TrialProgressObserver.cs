using System.Globalization;
using Anc.Cluster.Sweeps;
using Anc.Observers;

namespace Anc.Cluster.Workers;

/// <summary>Passes a trial's training steps on as the progress its lease renewals carry to the sweep.</summary>
internal sealed class TrialProgressObserver(IProgress<TrialProgress> progress) : IRunObserver
{
    public void OnMetrics(MetricEvent metrics) =>
        progress.Report(new TrialProgress(
            (int)Math.Min(int.MaxValue, metrics.Step),
            null,
            string.Create(CultureInfo.InvariantCulture, $"{metrics.Phase} step {metrics.Step} of {metrics.TotalSteps}")));
}
