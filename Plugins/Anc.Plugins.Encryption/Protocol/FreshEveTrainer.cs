using Anc.Components;
using Anc.Observers;
using Anc.Plugins.Encryption.Losses;
using Anc.Scenarios;
using Anc.Training;
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
    /// Trains the fresh Eves. <paramref name="eavesdrop"/> draws a training batch from the given
    /// source, encrypted by the frozen defenders without gradients: Eve's input and the plaintext.
    /// </summary>
    public IReadOnlyList<AdversaryTrial> TrainAll(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, Tensor heldOutInput, Tensor heldOutPlaintext)
    {
        List<AdversaryTrial> trials = [];
        long total = (long)_evaluation.FreshEves * _evaluation.Steps;
        for (int index = 0; index < _evaluation.FreshEves; index++)
        {
            trials.Add(Train(index, eavesdrop, heldOutInput, heldOutPlaintext, total));
        }

        return trials;
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
    /// Trains a fresh Eve, as <see cref="TrainAll"/> trains its first, for <paramref name="steps"/>
    /// steps and drops her: what one unit of the evaluation's work costs, for benchmarks. Torch's
    /// generator is left as it was.
    /// </summary>
    public void TrainSteps(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, int steps)
    {
        using Tensor generator = torch.random.get_rng_state();
        try
        {
            torch.random.manual_seed(_context.Seed + FreshEveStream);
            using nn.Module<Tensor, Tensor> eve = BuildEve();
            using AdamOptimizer optimizer = new(eve.parameters(), _context.Training.LearningRate);
            using BitSource data = new(_context.Seed + FreshEveStream, _context.Device);
            for (int step = 1; step <= steps; step++)
            {
                TrainStep(eve, optimizer, data, eavesdrop, step);
            }
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

    private AdversaryTrial Train(int index, Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, Tensor heldOutInput, Tensor heldOutPlaintext, long total)
    {
        torch.random.manual_seed(_context.Seed + FreshEveStream + index);
        using nn.Module<Tensor, Tensor> eve = BuildEve();
        using AdamOptimizer optimizer = new(eve.parameters(), _context.Training.LearningRate);
        using BitSource data = new(_context.Seed + FreshEveStream + index, _context.Device);
        List<MetricPoint> history = [];
        for (int step = 1; step <= _evaluation.Steps; step++)
        {
            TrainStep(eve, optimizer, data, eavesdrop, step);

            if (step % _evaluation.MeasureEvery == 0 || step == _evaluation.Steps)
            {
                double measured = Measure(eve, heldOutInput, heldOutPlaintext);
                history.Add(new MetricPoint(step, measured));
                _context.Progress.Report(new MetricEvent(
                    _context.Seed,
                    MetricPhase.Evaluation,
                    (long)index * _evaluation.Steps + step,
                    total,
                    new Dictionary<string, double> { [$"freshEve{index + 1}.bitsWrong"] = measured }));
            }
        }

        return new AdversaryTrial($"freshEve-{index + 1}", history.Min(p => p.Value), _evaluation.Steps, history);
    }

    /// <summary>One training step of a fresh Eve on a batch drawn from <paramref name="data"/>.</summary>
    private void TrainStep(nn.Module<Tensor, Tensor> eve, AdamOptimizer optimizer, BitSource data, Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, int step)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        using (torch.NewDisposeScope())
        {
            (Tensor input, Tensor plaintext) = eavesdrop(data, _context.Training.BatchSize);
            Step(eve, optimizer, guess => _eve.Loss.Compute(plaintext, guess), input);
        }

        TorchGarbage.CollectAfter(step);
    }
}
