using Anc.Components;
using Anc.Plugins.Encryption.Losses;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// The paper's robustness check, shared by the scenarios: Eves trained from scratch against the
/// frozen defenders, each measured on held-out examples every few steps, her best measurement
/// kept. Also the one Eve training step the scenarios' own Eves take.
/// </summary>
internal sealed class FreshEveTrainer
{
    /// <summary>The offset from the seed of the held-out data's random stream.</summary>
    public const long HeldOutStream = 0x5EED_0001;

    /// <summary>The offset from the seed of the fresh Eves' random streams (one per Eve after it).</summary>
    public const long FreshEveStream = 0x5EED_1000;

    /// <summary>
    /// The largest batch at which fresh Eves are stacked. Measured on the 2-core Xeon, the paper's
    /// networks, 5 fresh Eves x 500 steps (seconds for the whole run, alternated): batch 512 (1,000
    /// steps each), one after another 10.0, stacked side by side 5.4; 1024, 7.0 and 4.4; 2048, one after another
    /// 8.4, alone side by side 6.5, stacked side by side 7.5; 4096, 11.4, 9.9 and 14.1. Below it a
    /// step is mostly the launch of small operations, which stacking shares; above it the batched
    /// products are slower than the plain ones (the stacked backward most of all).
    /// </summary>
    public const int StackedUpToBatch = 1024;

    // Every reported figure is in bits wrong, whatever loss Eve trains with.
    private static readonly L1BitsLoss BitsWrong = new();

    private readonly ExperimentContext _context;
    private readonly EvaluationOptions _evaluation;
    private readonly Party _eve;
    private readonly NetworkShape _shape;

    /// <param name="context">The seed's context.</param>
    /// <param name="evaluation">How many Eves, how long, how often measured.</param>
    /// <param name="eve">Eve's party: her architecture and loss.</param>
    /// <param name="shape">Her network's widths: what she observes in, the plaintext out.</param>
    public FreshEveTrainer(ExperimentContext context, EvaluationOptions evaluation, Party eve, NetworkShape shape)
    {
        _context = context;
        _evaluation = evaluation;
        _eve = eve;
        _shape = shape;
    }

    /// <summary>A new Eve network on the seed's device, with weights from torch's current generator.</summary>
    public nn.Module<Tensor, Tensor> BuildEve() => _eve.Architecture.Build(_shape).to(_context.Device);

    /// <summary>
    /// Trains the fresh Eves side by side (<see cref="TorchWorkers"/>), each alone or, at small
    /// batches, several stacked into one network. <paramref name="eavesdrop"/> draws a training
    /// batch from the given source, encrypted by the frozen defenders without gradients: Eve's
    /// input and the plaintext. It is called from several threads at once.
    /// </summary>
    public IReadOnlyList<AdversaryTrial> TrainAll(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, Tensor heldOutInput, Tensor heldOutPlaintext)
    {
        EvaluationProgress progress = new(_context, (long)_evaluation.FreshEves * _evaluation.Steps);
        return SideBySide(group => Train(group, eavesdrop, heldOutInput, heldOutPlaintext, progress)).SelectMany(trials => trials).ToList();
    }

    /// <summary>One step of Eve on one batch, <paramref name="loss"/> of her guesses from <paramref name="input"/>; returns the loss.</summary>
    public static Tensor Step(nn.Module<Tensor, Tensor> eve, AdamOptimizer optimizer, Func<Tensor, Tensor> loss, Tensor input)
    {
        Tensor value = loss(eve.forward(input));
        optimizer.ZeroGrad();
        value.backward();
        optimizer.Step();
        return value;
    }

    /// <summary>
    /// Takes Eve's weights out of (or back into) autograd: the defenders need the gradient through
    /// her network, not her own, and leaving them out saves that work.
    /// </summary>
    public static void SetTrainable(IEnumerable<Parameter> parameters, bool trainable)
    {
        foreach (Parameter parameter in parameters)
        {
            parameter.requires_grad = trainable;
        }
    }

    /// <summary>
    /// Trains the fresh Eves as <see cref="TrainAll"/> trains them, side by side, each for
    /// <paramref name="steps"/> over their count (at least one) steps, and drops them: what the
    /// evaluation's work costs, for benchmarks. Returns the Eve-steps done. Torch's generator is
    /// left as it was.
    /// </summary>
    public int TrainSteps(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, int steps)
    {
        using Tensor generator = torch.random.get_rng_state();
        try
        {
            int each = Math.Max(1, (steps + _evaluation.FreshEves - 1) / _evaluation.FreshEves);
            return SideBySide(group =>
            {
                for (int step = 1; step <= each; step++)
                {
                    TrainStep(group, eavesdrop, step);
                }

                return each * group.Count;
            }).Sum();
        }
        finally
        {
            torch.random.set_rng_state(generator);
        }
    }

    /// <summary>Bits wrong of <paramref name="network"/> on a batch; the held-out tensors belong to the caller.</summary>
    public static double Measure(nn.Module<Tensor, Tensor> network, Tensor input, Tensor plaintext)
    {
        using IDisposable scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        return BitsWrong.Compute(plaintext, network.forward(input)).item<float>();
    }

    /// <summary>
    /// Bits wrong of each of <paramref name="count"/> stacked networks, slice k of
    /// <paramref name="network"/>'s output against <paramref name="plaintext"/>; as <see cref="Measure"/>.
    /// </summary>
    public static double[] MeasureEach(nn.Module<Tensor, Tensor> network, Tensor input, Tensor plaintext, int count)
    {
        using IDisposable scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        Tensor guesses = network.forward(input);
        return Enumerable.Range(0, count).Select(k => (double)BitsWrong.Compute(plaintext, guesses[k]).item<float>()).ToArray();
    }

    /// <summary>
    /// Builds the fresh Eves' groups (<see cref="BuildGroups"/>), runs <paramref name="train"/> on
    /// each, side by side on torch's threads, and drops them; the results in the groups' order.
    /// </summary>
    private T[] SideBySide<T>(Func<FreshEveGroup, T> train)
    {
        int threads = torch.get_num_threads();
        List<FreshEveGroup> groups = BuildGroups(threads);
        try
        {
            T[] results = new T[groups.Count];
            TorchWorkers.Run(groups.Select((group, i) => (Action)(() => results[i] = train(group))).ToList(), threads, _context.CancellationToken);
            return results;
        }
        finally
        {
            groups.ForEach(group => group.Dispose());
        }
    }

    /// <summary>
    /// The fresh Eves as groups trained in lockstep: at batches up to <see cref="StackedUpToBatch"/>
    /// as many stacked groups as there are threads to run them (where her network stacks),
    /// otherwise each Eve alone.
    /// </summary>
    private List<FreshEveGroup> BuildGroups(int threads)
    {
        int eves = _evaluation.FreshEves;
        int stacks = _context.Training.BatchSize <= StackedUpToBatch ? Math.Min(threads, eves) : eves;
        List<FreshEveGroup> groups = [];
        try
        {
            for (int s = 0, first = 0; s < stacks; s++)
            {
                // Contiguous ranges whose sizes differ by at most one.
                int count = (eves - first) / (stacks - s);
                if (Build(first, count) is { } group)
                {
                    groups.Add(group);
                }
                else
                {
                    groups.AddRange(Enumerable.Range(first, count).Select(index => Build(index, 1)!));
                }

                first += count;
            }

            return groups;
        }
        catch
        {
            groups.ForEach(group => group.Dispose());
            throw;
        }
    }

    private FreshEveGroup? Build(int first, int count) =>
        FreshEveGroup.Build(BuildEve, _context.Seed + FreshEveStream, first, count, _context.Training.LearningRate, _context.Device);

    /// <summary>
    /// Trains <paramref name="group"/> for the evaluation's steps, measuring each of its Eves on
    /// the held-out batch every few steps; each Eve's best measurement counts.
    /// </summary>
    private List<AdversaryTrial> Train(FreshEveGroup group, Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, Tensor heldOutInput, Tensor heldOutPlaintext, EvaluationProgress progress)
    {
        List<MetricPoint>[] histories = Enumerable.Range(0, group.Count).Select(_ => new List<MetricPoint>()).ToArray();
        int reported = 0;
        for (int step = 1; step <= _evaluation.Steps; step++)
        {
            TrainStep(group, eavesdrop, step);

            if (step % _evaluation.MeasureEvery == 0 || step == _evaluation.Steps)
            {
                double[] measured = group.Measure(heldOutInput, heldOutPlaintext);
                Dictionary<string, double> metrics = [];
                for (int k = 0; k < group.Count; k++)
                {
                    histories[k].Add(new MetricPoint(step, measured[k]));
                    metrics[$"freshEve{group.First + k + 1}.bitsWrong"] = measured[k];
                }

                progress.Report((long)(step - reported) * group.Count, metrics);
                reported = step;
            }
        }

        return Enumerable.Range(0, group.Count)
            .Select(k => new AdversaryTrial($"freshEve-{group.First + k + 1}", histories[k].Min(p => p.Value), _evaluation.Steps, histories[k]))
            .ToList();
    }

    /// <summary>
    /// One training step of every Eve of <paramref name="group"/>, each on a batch from her own
    /// stream (TorchSharp's garbage is collected between steps only where the group trains alone;
    /// see <see cref="TorchGarbage"/>).
    /// </summary>
    private void TrainStep(FreshEveGroup group, Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, int step)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        group.Step(eavesdrop, _context.Training.BatchSize, _eve.Loss.Compute);
        TorchGarbage.CollectAfter(step);
    }
}
