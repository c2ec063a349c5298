using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Evaluation;

/// <summary>
/// One or several fresh Eves that a <see cref="FreshEveEvaluation"/> trains in lockstep: one
/// network alone, or several stacked into one network whose every parameter holds one slice per
/// Eve along its first dimension (one batched program; each Eve still learns as she would alone,
/// since the slices' weights, losses and Adam moments are disjoint). A scenario or attack derives
/// it: it draws each Eve's training batches from her own streams and measures her on its
/// validation and held-out sets. The group owns its network.
/// </summary>
public abstract class FreshEveGroup : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly AdamOptimizer _optimizer;
    private Tensor[]? _kept;

    /// <param name="first">The index of the group's first Eve among all the fresh Eves (from 0).</param>
    /// <param name="count">How many Eves the group holds: 1, or the stack's depth.</param>
    /// <param name="network">Her network, or the stack of theirs.</param>
    /// <param name="stacked">Whether <paramref name="network"/> is a stack of <paramref name="count"/> Eves.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    protected FreshEveGroup(int first, int count, nn.Module<Tensor, Tensor> network, bool stacked, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        if (count < 1 || (!stacked && count != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A group holds one Eve, or a stack of at least one.");
        }

        First = first;
        Count = count;
        Network = network;
        Stacked = stacked;
        _parameters = network.parameters().ToArray();
        _optimizer = new AdamOptimizer(_parameters, learningRate);
    }

    /// <summary>The index of the group's first Eve among all the fresh Eves (from 0).</summary>
    public int First { get; }

    /// <summary>How many Eves train together.</summary>
    public int Count { get; }

    /// <summary>Her network, or the stack of theirs.</summary>
    protected nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>Whether <see cref="Network"/> is a stack of <see cref="Count"/> Eves.</summary>
    protected bool Stacked { get; }

    /// <summary>One training step of every Eve of the group.</summary>
    public void Step()
    {
        using IDisposable scope = torch.NewDisposeScope();
        Tensor loss = Loss();
        _optimizer.ZeroGrad();
        loss.backward();
        _optimizer.Step();
    }

    /// <summary>
    /// Each Eve's figure on <paramref name="set"/>, in the group's order; called without
    /// gradients, inside a dispose scope. The same set every call: the figures of a step are
    /// comparable with those of another.
    /// </summary>
    public abstract double[] Measure(FreshEveSet set);

    /// <summary>Keeps Eve <paramref name="eve"/>'s weights as they are (the group's index, from 0), to be put back by <see cref="RestoreKept"/>.</summary>
    public void Keep(int eve)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eve);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(eve, Count);
        using IDisposable noGrad = torch.no_grad();
        using IDisposable scope = torch.NewDisposeScope();
        if (_kept is null)
        {
            // The first keep copies every Eve; each later one overwrites her own slice.
            _kept = _parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
            return;
        }

        for (int i = 0; i < _parameters.Length; i++)
        {
            if (Stacked)
            {
                _kept[i][eve].copy_(_parameters[i][eve]);
            }
            else
            {
                _kept[i].copy_(_parameters[i]);
            }
        }
    }

    /// <summary>Puts every Eve's kept weights back: those she had when last kept (an Eve never kept gets those of the group's first keep).</summary>
    public void RestoreKept()
    {
        if (_kept is null)
        {
            return;
        }

        using IDisposable noGrad = torch.no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].copy_(_kept[i]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The loss of one training step, each Eve on a batch drawn from her own streams; for a
    /// stacked group the sum of the Eves' losses (slice k's gradient is then Eve k's own). Called
    /// inside a dispose scope, with gradients.
    /// </summary>
    protected abstract Tensor Loss();

    /// <summary>Frees the network, the optimizer and the kept weights; a derived group frees its streams too.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (Tensor kept in _kept ?? [])
        {
            kept.Dispose();
        }

        _optimizer.Dispose();
        Network.Dispose();
    }
}
