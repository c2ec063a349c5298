using System.Globalization;
using Anc.Attacks;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// The chosen-plaintext distinguishing game (after Coutinho et al. 2018): in each game the
/// adversary names two plaintexts, one of them is encrypted under a fresh key, and from the two
/// plaintexts and what it observes it must say which. A network learns to play; its held-out
/// accuracy is tested against a coin. The pairs it names are uniform random plaintexts: a
/// cipher that leaks anything about its plaintext in a learnable way lets it win more often.
/// </summary>
public sealed class ChosenPlaintextAttack : IAttack
{
    /// <summary>The name panels use.</summary>
    public const string Name = "chosen-plaintext";

    private readonly ChosenPlaintextOptions _options;

    /// <summary>Creates the attack with its options.</summary>
    public ChosenPlaintextAttack(ChosenPlaintextOptions options)
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
        torch.random.manual_seed(context.Seed);
        // One scorer of how well a plaintext fits the observation, applied to both: the logit is
        // the second's score minus the first's, so swapping the pair flips the answer by design.
        int input = target.PlaintextBits + target.ObservedWidth;
        nn.Module<Tensor, Tensor> scorer = Perceptron.Build(input, _options.WidthFactor * input, _options.HiddenLayers, 1, activation: null).to(target.Device);
        Func<Tensor, Tensor> distinguisher = games => Decide(scorer, games, target.PlaintextBits);
        int bits = target.PlaintextBits;
        Tensor validation = Games(sets.Validation(_options.ValidationExamples, (2 * bits) + 1), bits, target, out Tensor validationTruth);
        (_, List<MetricPoint> history) = AttackTraining.Train(
            scorer,
            _options,
            () =>
            {
                Tensor games = Games(sets.TrainingBits(_options.BatchSize, (2 * bits) + 1), bits, target, out Tensor truth);
                return nn.functional.softplus(-(truth * distinguisher(games))).mean();
            },
            // Lower is better for the loop: the validation accuracy, negated.
            () => -Accuracy(distinguisher(validation), validationTruth),
            context,
            0,
            _options.Steps);

        using (torch.no_grad())
        {
            Tensor heldOut = Games(sets.HeldOut(context.HeldOutExamples, (2 * bits) + 1), bits, target, out Tensor truth);
            long correct = AttackMeasurements.CorrectBits(distinguisher(heldOut), truth);
            double accuracy = correct / (double)context.HeldOutExamples;
            return new AttackResult(
                AttackMeasure.Distinguishing,
                (2 * accuracy) - 1,
                context.HeldOutExamples,
                correct,
                history.Select(p => p with { Value = (-2 * p.Value) - 1 }).ToList(),
                string.Create(CultureInfo.InvariantCulture, $"a scorer of {_options.HiddenLayers} x {_options.WidthFactor * input} per plaintext, random pairs, {_options.Steps} steps"));
        }
    }

    /// <summary>
    /// Games from rows of uniform bits (<c>[rows, 2N + 1]</c>): the two plaintexts, then the coin
    /// (-1: the first is encrypted, +1: the second), returned as <paramref name="truth"/>. Each
    /// row becomes the pair and the observation of the one encrypted.
    /// </summary>
    private static Tensor Games(Tensor draws, int bits, ICipherTarget target, out Tensor truth)
    {
        Tensor first = draws[.., ..bits];
        Tensor second = draws[.., bits..(2 * bits)];
        truth = draws[.., (2 * bits)..];
        Tensor encrypted = torch.where(truth > 0, second, first);
        return torch.cat([first, second, target.Observe(encrypted)], 1);
    }

    /// <summary>The game's logit from rows of <c>[first, second, observation]</c>: positive says the second was encrypted.</summary>
    private static Tensor Decide(nn.Module<Tensor, Tensor> scorer, Tensor games, int bits)
    {
        Tensor observation = games[.., (2 * bits)..];
        return scorer.forward(torch.cat([games[.., bits..(2 * bits)], observation], 1)) - scorer.forward(torch.cat([games[.., ..bits], observation], 1));
    }

    private static double Accuracy(Tensor logits, Tensor truth) =>
        AttackMeasurements.CorrectBits(logits, truth) / (double)truth.shape[0];
}
