using System.Globalization;
using Anc.Attacks;
using Anc.Components;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
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
        L1BitsLoss loss = new();
        (Tensor Plaintext, Tensor Observed) validation = sets.ObservedValidation(_options.ValidationExamples);
        nn.Module<Tensor, Tensor>? best = null;
        double bestFigure = double.PositiveInfinity;
        List<MetricPoint> history = [];
        long total = (long)_options.Restarts * _options.Steps;
        for (int restart = 0; restart < _options.Restarts; restart++)
        {
            // Each restart's initial weights come from the attack's seed and the restart's number.
            torch.random.manual_seed(context.Seed + restart);
            nn.Module<Tensor, Tensor> eve = Build(target);
            (double figure, List<MetricPoint> curve) = AttackTraining.TrainGuesser(eve, _options, loss.Compute, sets, validation, context, (long)restart * _options.Steps, total);
            history.AddRange(curve);
            if (figure < bestFigure)
            {
                (bestFigure, best) = (figure, eve);
            }
        }

        string network = _options.Network == EveNetworkKind.Mlp
            ? string.Create(CultureInfo.InvariantCulture, $"an MLP of {_options.HiddenLayers} x {_options.WidthFactor * target.ObservedWidth}")
            : $"the {_options.Variant.ToString().ToLowerInvariant()} mix-and-transform network";
        return AttackMeasurements.BitsRecovered(best!, sets, context, history, string.Create(CultureInfo.InvariantCulture, $"{network}, best of {_options.Restarts} x {_options.Steps} steps"));
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
