using Anc.Evaluation;
using Anc.Plugins.Encryption.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// Fresh Eves against an encryption scenario's frozen defenders: one Eve alone, or several as
/// one <see cref="StackedMixTransformNetwork"/>. Each Eve keeps what she has alone: her weights
/// drawn from her own generator seed, her own bit stream, her own loss, and her slice of one
/// elementwise Adam optimizer; so each learns as she would alone, up to the order of float
/// additions in the batched products.
/// </summary>
internal sealed class EncryptionEveGroup : FreshEveGroup
{
    private readonly BitSource[] _sources;
    private readonly Eavesdropping _eavesdropping;

    private EncryptionEveGroup(int first, nn.Module<Tensor, Tensor> network, BitSource[] sources, bool stacked, double learningRate, Eavesdropping eavesdropping)
        : base(first, sources.Length, network, stacked, learningRate)
    {
        _sources = sources;
        _eavesdropping = eavesdropping;
    }

    /// <summary>
    /// Builds Eves <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1,
    /// each from torch's generator seeded with <paramref name="seed"/> + her index, with a bit
    /// stream of the same seed; together when there are several and her network stacks (a
    /// mix-and-transform network whose convolutions are band products), otherwise null.
    /// </summary>
    public static EncryptionEveGroup? Build(Func<nn.Module<Tensor, Tensor>> buildEve, long seed, int first, int count, double learningRate, Device device, Eavesdropping eavesdropping)
    {
        List<nn.Module<Tensor, Tensor>> eves = [];
        try
        {
            for (int index = first; index < first + count; index++)
            {
                torch.random.manual_seed(seed + index);
                eves.Add(buildEve());
            }

            BitSource[] Sources() => Enumerable.Range(first, count).Select(index => new BitSource(seed + index, device)).ToArray();
            if (count == 1)
            {
                EncryptionEveGroup alone = new(first, eves[0], Sources(), stacked: false, learningRate, eavesdropping);
                eves.Clear();
                return alone;
            }

            if (!eves.All(eve => eve is MixTransformNetwork))
            {
                return null;
            }

            StackedMixTransformNetwork stacked;
            try
            {
                stacked = StackedMixTransformNetwork.Stack(eves.Cast<MixTransformNetwork>().ToList());
            }
            catch (NotSupportedException)
            {
                // Too wide to stack: the Eves train one by one.
                return null;
            }

            return new EncryptionEveGroup(first, stacked, Sources(), stacked: true, learningRate, eavesdropping);
        }
        finally
        {
            eves.ForEach(eve => eve.Dispose());
        }
    }

    /// <inheritdoc />
    public override double[] Measure(FreshEveSet set)
    {
        (Tensor input, Tensor plaintext) = (set == FreshEveSet.Validation ? _eavesdropping.Validation : _eavesdropping.HeldOut)
            ?? throw new InvalidOperationException($"These fresh Eves were built to be timed, with no {set} set.");
        if (!Stacked)
        {
            return [EveTraining.BitsWrong(plaintext, Network.forward(input))];
        }

        // Every stacked Eve reads the same batch: one view of it per slice, no copies.
        Tensor guesses = Network.forward(input.unsqueeze(0).expand(Count, -1, -1));
        return Enumerable.Range(0, Count).Select(k => EveTraining.BitsWrong(plaintext, guesses[k])).ToArray();
    }

    /// <inheritdoc />
    protected override Tensor Loss()
    {
        (Tensor Input, Tensor Plaintext)[] batches = _sources.Select(source => _eavesdropping.Draw(source, _eavesdropping.Batch)).ToArray();
        if (!Stacked)
        {
            return _eavesdropping.Loss(batches[0].Plaintext, Network.forward(batches[0].Input));
        }

        Tensor guesses = Network.forward(torch.stack(batches.Select(b => b.Input).ToArray()));
        // Slices of the stack have disjoint weights: the sum's gradient in slice k is Eve k's own.
        return Enumerable.Range(0, Count).Select(k => _eavesdropping.Loss(batches[k].Plaintext, guesses[k])).Aggregate((a, b) => a.add(b, Scalars.One));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (BitSource source in _sources)
            {
                source.Dispose();
            }
        }
    }
}
