using Anc.Attacks;
using Anc.Evaluation;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// One restart of the <c>fresh-eve</c> attack: an Eve with weights and plaintexts of her own,
/// trained with the L1 bits-wrong loss on what the frozen target shows of them, and measured by
/// the signs of her guesses (<see cref="AttackMeasurements"/>).
/// </summary>
internal sealed class AttackEveGroup : FreshEveGroup
{
    private static readonly L1BitsLoss TrainingLoss = new();

    private readonly AttackContext _context;
    private readonly AttackSets _sets;
    private readonly BitSource _plaintexts;
    private readonly int _batch;
    private readonly (Tensor Plaintext, Tensor Observed) _validation;

    /// <param name="index">Which restart (from 0).</param>
    /// <param name="network">Her network; the group owns it.</param>
    /// <param name="seed">The seed of her plaintext stream.</param>
    /// <param name="options">The attack's batch size and learning rate.</param>
    /// <param name="context">The attack's context: its target and held-out size.</param>
    /// <param name="sets">The attack's sets: the held-out messages come from it.</param>
    /// <param name="validation">The validation plaintexts and what the target shows of them; they belong to the caller.</param>
    public AttackEveGroup(int index, nn.Module<Tensor, Tensor> network, long seed, TrainedAttackOptions options, AttackContext context, AttackSets sets, (Tensor Plaintext, Tensor Observed) validation)
        : base(index, 1, network, stacked: false, options.LearningRate)
    {
        _context = context;
        _sets = sets;
        _batch = options.BatchSize;
        _validation = validation;
        _plaintexts = new BitSource(seed, context.Target.Device);
    }

    /// <summary>Her network, with the weights the evaluation left in it.</summary>
    public nn.Module<Tensor, Tensor> Guesser => Network;

    /// <inheritdoc />
    public override double[] Measure(FreshEveSet set)
    {
        (Tensor plaintext, Tensor observed) = set == FreshEveSet.Validation ? _validation : HeldOut();
        return [AttackMeasurements.BitsWrong(Network.forward(observed), plaintext)];
    }

    /// <inheritdoc />
    protected override Tensor Loss()
    {
        Tensor plaintext = _plaintexts.Next(_batch, _context.Target.PlaintextBits);
        return TrainingLoss.Compute(plaintext, Network.forward(_context.Target.Observe(plaintext)));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _plaintexts.Dispose();
        }
    }

    private (Tensor Plaintext, Tensor Observed) HeldOut()
    {
        Tensor plaintext = _sets.HeldOut(_context.HeldOutExamples);
        return (plaintext, _context.Target.Observe(plaintext));
    }
}
