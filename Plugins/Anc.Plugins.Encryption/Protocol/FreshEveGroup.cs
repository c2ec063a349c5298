using Anc.Plugins.Encryption.Architectures;
using Anc.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// Fresh Eves trained in lockstep: one Eve alone, or several as one
/// <see cref="StackedMixTransformNetwork"/> (one batched program, as seeds trained together are).
/// Each Eve keeps what she has alone: her weights drawn from her own generator seed, her own
/// bit stream, her own loss, and her slice of one elementwise Adam optimizer; so each learns as
/// she would alone, up to the order of float additions in the batched products.
/// </summary>
internal sealed class FreshEveGroup : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly BitSource[] _sources;
    private readonly AdamOptimizer _optimizer;
    private readonly bool _stacked;

    private FreshEveGroup(int first, nn.Module<Tensor, Tensor> network, BitSource[] sources, double learningRate, bool stacked)
    {
        First = first;
        _network = network;
        _sources = sources;
        _stacked = stacked;
        _optimizer = new AdamOptimizer(network.parameters(), learningRate);
    }

    /// <summary>The index of the group's first Eve among the seed's fresh Eves (from 0).</summary>
    public int First { get; }

    /// <summary>How many Eves train together.</summary>
    public int Count => _sources.Length;

    /// <summary>
    /// Builds Eves <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1,
    /// each from torch's generator seeded with <paramref name="seed"/> + her index, with a bit
    /// stream of the same seed; together when there are several and her network stacks (a
    /// mix-and-transform network whose convolutions are band products), otherwise null.
    /// </summary>
    public static FreshEveGroup? Build(Func<nn.Module<Tensor, Tensor>> buildEve, long seed, int first, int count, double learningRate, Device device)
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
                FreshEveGroup alone = new(first, eves[0], Sources(), learningRate, stacked: false);
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

            return new FreshEveGroup(first, stacked, Sources(), learningRate, stacked: true);
        }
        finally
        {
            eves.ForEach(eve => eve.Dispose());
        }
    }

    /// <summary>
    /// One training step of every Eve: each draws her batch from her own stream with
    /// <paramref name="eavesdrop"/> and is trained on <paramref name="loss"/> of her guesses.
    /// </summary>
    public void Step(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> eavesdrop, int batch, Func<Tensor, Tensor, Tensor> loss)
    {
        using IDisposable scope = torch.NewDisposeScope();
        (Tensor Input, Tensor Plaintext)[] batches = _sources.Select(source => eavesdrop(source, batch)).ToArray();
        Tensor value;
        if (_stacked)
        {
            Tensor guesses = _network.forward(torch.stack(batches.Select(b => b.Input).ToArray()));
            // Slices of the stack have disjoint weights: the sum's gradient in slice k is Eve k's own.
            value = Enumerable.Range(0, Count).Select(k => loss(batches[k].Plaintext, guesses[k])).Aggregate((a, b) => a.add(b, Scalars.One));
        }
        else
        {
            value = loss(batches[0].Plaintext, _network.forward(batches[0].Input));
        }

        _optimizer.ZeroGrad();
        value.backward();
        _optimizer.Step();
    }

    /// <summary>Each Eve's bits wrong on the held-out batch; the tensors belong to the caller.</summary>
    public double[] Measure(Tensor input, Tensor plaintext)
    {
        if (!_stacked)
        {
            return [FreshEveTrainer.Measure(_network, input, plaintext)];
        }

        // Every stacked Eve reads the same held-out batch: one view of it per slice, no copies.
        return FreshEveTrainer.MeasureEach(_network, input.unsqueeze(0).expand(Count, -1, -1), plaintext, Count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _network.Dispose();
        foreach (BitSource source in _sources)
        {
            source.Dispose();
        }
    }
}
