using Anc.Observers;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;

namespace Anc.Evaluation;

/// <summary>
/// The paper's robustness check, for every scenario and attack that makes one: fresh Eves
/// trained from scratch against the frozen cipher, each measured on the validation set every
/// few steps, her weights of the best measurement kept and then measured once on the held-out
/// set. The groups train side by side on torch's threads (<see cref="TorchWorkers"/>); what they
/// learn and measure is what they would alone.
/// </summary>
public sealed class FreshEveEvaluation
{
    private readonly FreshEveOptions _options;
    private readonly FreshEveFigure _figure;
    private readonly Action<FreshEveProgress>? _report;

    /// <param name="options">How long each Eve trains and how often she is measured.</param>
    /// <param name="figure">What the groups measure, and which way is better for Eve.</param>
    /// <param name="report">Told after every measurement, one report at a time, on the thread that measured.</param>
    public FreshEveEvaluation(FreshEveOptions options, FreshEveFigure figure, Action<FreshEveProgress>? report = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(figure);
        _options = options;
        _figure = figure;
        _report = report;
    }

    /// <summary>The progress of an evaluation as a seed's observers see it: evaluation-phase metric events.</summary>
    public static Action<FreshEveProgress> SeedProgress(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return p => context.Progress.Report(new MetricEvent(context.Seed, MetricPhase.Evaluation, p.Done, p.Total, p.Metrics));
    }

    /// <summary>
    /// Trains every group for the options' steps and measures it; one trial per Eve, in the
    /// groups' order, named <c>freshEve-{n}</c> (n from 1): her held-out figure with the weights
    /// her best validation measurement picked, and her validation history. The groups are left
    /// with those weights; they belong to the caller.
    /// </summary>
    public IReadOnlyList<AdversaryTrial> Run(IReadOnlyList<FreshEveGroup> groups, CancellationToken cancellationToken) =>
        Run(groups, torch.get_num_threads(), cancellationToken);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{FreshEveGroup}, CancellationToken)"/>, with at most
    /// <paramref name="threads"/> groups side by side: 1 trains them one after another, for
    /// groups that share something not safe to use from two threads (such as a stream of keys).
    /// </summary>
    public IReadOnlyList<AdversaryTrial> Run(IReadOnlyList<FreshEveGroup> groups, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Counter counter = new(groups.Sum(g => (long)g.Count) * _options.Steps, _report);
        List<AdversaryTrial>[] trials = new List<AdversaryTrial>[groups.Count];
        TorchWorkers.Run(groups.Select((group, i) => (Action)(() => trials[i] = Train(group, counter, cancellationToken))).ToList(), threads, cancellationToken);
        return trials.SelectMany(t => t).ToList();
    }

    /// <summary>
    /// Trains every group <paramref name="steps"/> steps as <see cref="Run(IReadOnlyList{FreshEveGroup}, CancellationToken)"/> trains them, side by
    /// side, measuring nothing: what the evaluation's work costs, for benchmarks. Returns the
    /// Eve-steps done.
    /// </summary>
    public static long TrainSteps(IReadOnlyList<FreshEveGroup> groups, int steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        TorchWorkers.Run(groups.Select(group => (Action)(() =>
        {
            for (int step = 1; step <= steps; step++)
            {
                TrainStep(group, step, cancellationToken);
            }
        })).ToList(), torch.get_num_threads(), cancellationToken);
        return groups.Sum(g => (long)g.Count) * steps;
    }

    private static void TrainStep(FreshEveGroup group, int step, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        group.Step();
        TorchGarbage.CollectAfter(step);
    }

    private static double[] Measure(FreshEveGroup group, FreshEveSet set)
    {
        using IDisposable noGrad = torch.no_grad();
        using IDisposable scope = torch.NewDisposeScope();
        return group.Measure(set);
    }

    private List<AdversaryTrial> Train(FreshEveGroup group, Counter counter, CancellationToken cancellationToken)
    {
        List<MetricPoint>[] histories = Enumerable.Range(0, group.Count).Select(_ => new List<MetricPoint>()).ToArray();
        double?[] best = new double?[group.Count];
        int reported = 0;
        for (int step = 1; step <= _options.Steps; step++)
        {
            TrainStep(group, step, cancellationToken);
            if (step % _options.MeasureEvery != 0 && step != _options.Steps)
            {
                continue;
            }

            double[] measured = Measure(group, FreshEveSet.Validation);
            Dictionary<string, double> metrics = [];
            for (int k = 0; k < group.Count; k++)
            {
                histories[k].Add(new MetricPoint(step, measured[k]));
                metrics[$"freshEve{group.First + k + 1}.{_figure.Name}"] = measured[k];
                // Her first measurement is always kept, so that every Eve's kept weights are her own.
                if (best[k] is not { } sofar || _figure.Better(measured[k], sofar))
                {
                    best[k] = measured[k];
                    group.Keep(k);
                }
            }

            counter.Add((long)(step - reported) * group.Count, metrics);
            reported = step;
        }

        group.RestoreKept();
        double[] heldOut = Measure(group, FreshEveSet.HeldOut);
        return Enumerable.Range(0, group.Count)
            .Select(k => new AdversaryTrial($"freshEve-{group.First + k + 1}", heldOut[k], _options.Steps, histories[k]))
            .ToList();
    }

    /// <summary>Eve-steps done by every group, reported one at a time from the threads that train them.</summary>
    private sealed class Counter(long total, Action<FreshEveProgress>? report)
    {
        private readonly Lock _lock = new();
        private long _done;

        public void Add(long steps, IReadOnlyDictionary<string, double> metrics)
        {
            lock (_lock)
            {
                _done += steps;
                report?.Invoke(new FreshEveProgress(_done, total, metrics));
            }
        }
    }
}
