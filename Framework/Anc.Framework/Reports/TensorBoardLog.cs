using Anc.Observers;
using TorchSharp.Modules;
using static TorchSharp.torch.utils;

namespace Anc.Reports;

/// <summary>
/// Writes every reported figure as a TensorBoard scalar, one event folder per seed,
/// <c>tensorboard/seed-&lt;n&gt;/</c> under the run directory, so that
/// <c>tensorboard --logdir runs</c> shows every run's seeds side by side. Training figures are
/// tagged <c>training/&lt;name&gt;</c>, evaluation figures <c>evaluation/&lt;name&gt;</c>. One per run.
/// A resumed seed reports again from its checkpoint on: what the interrupted process wrote from
/// there on is removed from its event files, so that each step is there once.
/// </summary>
internal sealed class TensorBoardLog(string runDirectory) : IRunObserver
{
    private readonly Dictionary<int, SeedLog> _seeds = [];

    /// <inheritdoc />
    public void OnMetrics(MetricEvent metrics)
    {
        if (!_seeds.TryGetValue(metrics.Seed, out SeedLog? log))
        {
            string folder = Path.Combine(runDirectory, "tensorboard", $"seed-{metrics.Seed}");
            // Listed before this process's writer makes its own file.
            string[] earlier = Directory.Exists(folder) ? Directory.GetFiles(folder, "events.out.tfevents.*") : [];
            log = new SeedLog(tensorboard.SummaryWriter(folder, createRunName: false), earlier);
            _seeds[metrics.Seed] = log;
        }

        if (log.Phases.Add(metrics.Phase))
        {
            // The phase's first report in this process: an earlier process's reports of it from this step on are repeated now.
            foreach (string file in log.Earlier)
            {
                TensorBoardEventFile.Drop(file, $"{metrics.Phase}/", metrics.Step);
            }
        }

        // TensorBoard counts steps in 32 bits; no run here comes near 2^31 rounds.
        int step = (int)Math.Min(metrics.Step, int.MaxValue);
        foreach ((string name, double value) in metrics.Values)
        {
            log.Writer.add_scalar($"{metrics.Phase}/{name}", (float)value, step);
        }
    }

    /// <summary>A seed's writer, the event files an earlier process left, and the phases reported since this one began.</summary>
    private sealed record SeedLog(SummaryWriter Writer, string[] Earlier)
    {
        public HashSet<string> Phases { get; } = [];
    }
}
