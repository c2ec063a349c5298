using System.Globalization;
using Anc.Attacks;
using Anc.Components;
using Anc.Evaluation;
using Anc.Plugins.Encryption.Architectures;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// An eavesdropper trained from scratch against the frozen cipher, as the paper's robustness
/// check: it sees what Eve observes of uniform random plaintexts and learns to recover them
/// with the L1 bits-wrong loss. Several restarts; the one best on the validation set is measured
/// on the held-out messages, bit by bit.
/// </summary>
public sealed class FreshEveAttack : IAttack
{
    /// <summary>The name panels use.</summary>
    public const string Name = "fresh-eve";

    // Bits wrong by the signs of her guesses, on the validation and held-out messages.
    private static readonly FreshEveFigure Figure = new("bitsWrong", LowerIsBetter: true);

    private readonly FreshEveAttackOptions _options;

    /// <summary>Creates the attack with its options.</summary>
    public FreshEveAttack(FreshEveAttackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public AttackResult Run(AttackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ICipherTarget target = context.Target;
        using AttackSets sets = new(context);
        using IDisposable scope = torch.NewDisposeScope();
        (Tensor Plaintext, Tensor Observed) validation = sets.ObservedValidation(_options.ValidationExamples);
        FreshEveOptions evaluation = new()
        {
            FreshEves = _options.Restarts,
            Steps = _options.Steps,
            MeasureEvery = _options.MeasureEvery,
            ValidationExamples = _options.ValidationExamples,
            HeldOutExamples = context.HeldOutExamples,
        };
        List<AttackEveGroup> eves = [];
        try
        {
            for (int restart = 0; restart < _options.Restarts; restart++)
            {
                // Each restart's initial weights and plaintexts come from the attack's seed and the restart's number.
                long seed = context.Seed + EvaluationStreams.FreshEves + restart;
                torch.random.manual_seed(seed);
                eves.Add(new AttackEveGroup(restart, Build(target), seed, _options, context, sets, validation));
            }

            // One after another: the restarts share the target's stream of keys.
            IReadOnlyList<AdversaryTrial> trials = new FreshEveEvaluation(evaluation, Figure, p => context.Progress.Report(new AttackProgress(p.Done, p.Total))).Run(eves, threads: 1, context.CancellationToken);
            int best = Enumerable.Range(0, trials.Count).MinBy(r => trials[r].History.Min(p => p.Value));
            List<MetricPoint> history = trials.SelectMany((trial, r) => trial.History.Select(p => p with { Step = ((long)r * _options.Steps) + p.Step })).ToList();
            string network = _options.Network == EveNetworkKind.Mlp
                ? string.Create(CultureInfo.InvariantCulture, $"an MLP of {_options.HiddenLayers} x {_options.WidthFactor * target.ObservedWidth}")
                : $"the {_options.Variant.ToString().ToLowerInvariant()} mix-and-transform network";
            return AttackMeasurements.BitsRecovered(eves[best].Guesser, sets, context, history, string.Create(CultureInfo.InvariantCulture, $"{network}, best of {_options.Restarts} x {_options.Steps} steps"));
        }
        finally
        {
            eves.ForEach(eve => eve.Dispose());
        }
    }

    private nn.Module<Tensor, Tensor> Build(ICipherTarget target)
    {
        NetworkShape shape = new(target.ObservedWidth, target.PlaintextBits);
        nn.Module<Tensor, Tensor> network = _options.Network == EveNetworkKind.Mlp
            ? Perceptron.Build(shape.InputWidth, _options.WidthFactor * shape.InputWidth, _options.HiddenLayers, shape.OutputWidth, nn.Tanh())
            : new MixTransformArchitecture(new MixTransformOptions { Variant = _options.Variant }).Build(shape);
        return network.to(target.Device);
    }
}
