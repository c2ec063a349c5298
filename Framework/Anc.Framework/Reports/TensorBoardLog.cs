using Anc.Observers;
using TorchSharp.Modules;
using static TorchSharp.torch.utils;

namespace Anc.Reports;

/// <summary>
/// Writes every reported figure as a TensorBoard scalar, one event folder per seed,
/// <c>tensorboard/seed-&lt;n&gt;/</c> under the run directory, so that
/// <c>tensorboard --logdir runs</c> shows every run's seeds side by side. Training figures are
/// tagged <c>training/&lt;name&gt;</c>, evaluation figures <c>evaluation/&lt;name&gt;</c>. One per run.
/// </summary>
internal sealed class TensorBoardLog(string runDirectory) : IRunObserver
{
    private readonly Dictionary<int, SummaryWriter> _writers = [];

    /// <inheritdoc />
    public void OnMetrics(MetricEvent metrics)
    {
        if (!_writers.TryGetValue(metrics.Seed, out SummaryWriter? writer))
        {
            writer = tensorboard.SummaryWriter(Path.Combine(runDirectory, "tensorboard", $"seed-{metrics.Seed}"), createRunName: false);
            _writers[metrics.Seed] = writer;
        }

        // TensorBoard counts steps in 32 bits; no run here comes near 2^31 rounds.
        int step = (int)Math.Min(metrics.Step, int.MaxValue);
        foreach ((string name, double value) in metrics.Values)
        {
            writer.add_scalar($"{metrics.Phase}/{name}", (float)value, step);
        }
    }
}
