using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>
/// K copies of one <see cref="MixTransformNetwork"/> (seeds trained together) as one batched
/// program: input <c>[K, batch, input width]</c>, output <c>[K, batch, output width]</c>, where
/// slice k is network k's function of slice k with network k's weights. Its parameters are the
/// networks' weights stacked along a first dimension of K, so one optimizer step over them is K
/// steps of an elementwise optimizer (Adam), and one matrix product per layer does the work of
/// K small ones. Every convolution is the band matrix product of
/// <see cref="ChannelsLastConvolution"/>, made per network from the stacked kernels.
/// </summary>
internal sealed class StackedMixTransformNetwork : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names a module's parameters after its fields: they are its checkpoints' keys.
    private readonly Parameter denseWeight;
    private readonly Parameter denseBias;
    // Kernel then bias, layer by layer: the parameters come in a MixTransformNetwork's order,
    // so a stacked optimizer's slices line up with a network's own (AdamOptimizer.ReadSlice).
    private readonly ParameterList convolutions;
#pragma warning restore IDE1006
    private readonly ChannelsLastConvolution[] _channelsLast;
    private readonly ConvolutionLayer[] _layers;
    private readonly bool _denseActivation;
    private readonly long _count;

    private StackedMixTransformNetwork(IReadOnlyList<MixTransformNetwork> networks)
        : base(nameof(StackedMixTransformNetwork))
    {
        MixTransformNetwork first = networks[0];
        _layers = first.Layers.ToArray();
        _denseActivation = first.DenseActivation;
        _count = networks.Count;
        _channelsLast = ChannelsLastConvolution.ForLayers(_layers, (int)first.Dense.weight!.shape[0]);
        int wide = Array.FindIndex(_channelsLast, c => !c.HasBand);
        if (wide >= 0)
        {
            foreach (ChannelsLastConvolution convolution in _channelsLast)
            {
                convolution.Dispose();
            }

            throw new NotSupportedException(
                $"Convolution {wide} of the networks is too wide to stack: its band matrix ({_channelsLast[wide].BandRows} x {_channelsLast[wide].BandColumns}) " +
                $"needs a selection matrix of more than {ChannelsLastConvolution.MaxSelectionCells} cells, and only band matrix products are stacked.");
        }

        using (torch.no_grad())
        {
            denseWeight = Stacked(networks.Select(n => n.Dense.weight!));
            denseBias = Stacked(networks.Select(n => n.Dense.bias!));
            convolutions = new ParameterList();
            for (int i = 0; i < _layers.Length; i++)
            {
                int layer = i;
                convolutions.Add(Stacked(networks.Select(n => n.Convolution(layer).weight!)));
                convolutions.Add(Stacked(networks.Select(n => n.Convolution(layer).bias!)));
            }
        }

        RegisterComponents();
    }

    /// <summary>How many networks are stacked (K).</summary>
    public long Count => _count;

    /// <summary>
    /// Stacks <paramref name="networks"/>, copying their current weights (the stacked network
    /// shares no storage with them). Networks built with either implementation may be stacked.
    /// </summary>
    /// <exception cref="ArgumentException">There are none, or they differ in shape or variant.</exception>
    /// <exception cref="NotSupportedException">A convolution is too wide for a band matrix.</exception>
    public static StackedMixTransformNetwork Stack(IReadOnlyList<MixTransformNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Count == 0)
        {
            throw new ArgumentException("There must be at least one network to stack.", nameof(networks));
        }

        for (int k = 1; k < networks.Count; k++)
        {
            if (!SameShape(networks[0], networks[k]))
            {
                throw new ArgumentException($"Network {k} differs from network 0 in shape or variant; only copies of one network can be stacked.", nameof(networks));
            }
        }

        return new StackedMixTransformNetwork(networks);
    }

    /// <summary><paramref name="input"/> is <c>[K, batch, input width]</c>; the result <c>[K, batch, output width]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        // x W^T + b per network, as MixTransformNetwork's Linear computes it. Products then an
        // in-place bias, not baddbmm: TorchSharp 0.107's baddbmm hands libtorch its operands in
        // another order (its bias is taken for the first batch), and fails on these shapes.
        Tensor h = torch.bmm(input, denseWeight.transpose(1, 2)).add_(denseBias.unsqueeze(1), Scalars.One);
        if (_denseActivation)
        {
            h = h.sigmoid();
        }

        // [K, batch, width x depth], channels last, as ChannelsLastConvolution.Apply's input.
        for (int i = 0; i < _channelsLast.Length; i++)
        {
            ChannelsLastConvolution convolution = _channelsLast[i];
            Tensor weight = Kernel(i);
            (Tensor band, Tensor biasRow) = convolution.Weights(weight.reshape(_count, -1), Bias(i));
            Tensor matrix = band.view(_count, convolution.BandRows, convolution.BandColumns);
            long batch = h.shape[1];
            // Block by block, as ChannelsLastConvolution.Apply: [K, batch x blocks, block rows];
            // the bias over each example's whole output row, where a vectorised add is fast.
            h = torch.bmm(h.reshape(_count, batch * convolution.Blocks, convolution.BandRows), matrix)
                .view(_count, batch, convolution.Blocks * convolution.BandColumns).add_(biasRow.unsqueeze(1), Scalars.One);
            h = i < _channelsLast.Length - 1 ? h.sigmoid() : h.tanh();
        }

        // The last layer has depth 1, so [K, batch, width x 1] is already [K, batch, width].
        return h;
    }

    /// <summary>
    /// Copies network <paramref name="k"/>'s current weights into <paramref name="target"/>, a
    /// network of the same shape and variant (of either implementation), to use that seed alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not a stacked network's index.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> differs in shape or variant.</exception>
    public void CopyTo(int k, MixTransformNetwork target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, _count);
        if (!target.Layers.SequenceEqual(_layers) || target.DenseActivation != _denseActivation
            || !target.Dense.weight!.shape.SequenceEqual(denseWeight.shape.Skip(1)))
        {
            throw new ArgumentException("The target differs from the stacked networks in shape or variant.", nameof(target));
        }

        using IDisposable noGrad = torch.no_grad();
        CopySlice(denseWeight, k, target.Dense.weight!);
        CopySlice(denseBias, k, target.Dense.bias!);
        for (int i = 0; i < _layers.Length; i++)
        {
            CopySlice(Kernel(i), k, target.Convolution(i).weight!);
            CopySlice(Bias(i), k, target.Convolution(i).bias!);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (ChannelsLastConvolution convolution in _channelsLast)
            {
                convolution.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private Parameter Kernel(int layer) => convolutions[2 * layer];

    private Parameter Bias(int layer) => convolutions[(2 * layer) + 1];

    /// <summary>Same layers, same widths, same activation: the same function of different weights.</summary>
    private static bool SameShape(MixTransformNetwork a, MixTransformNetwork b) =>
        a.Layers.SequenceEqual(b.Layers)
        && a.DenseActivation == b.DenseActivation
        && a.Dense.weight!.shape.SequenceEqual(b.Dense.weight!.shape);

    /// <summary>The tensors stacked along a new first dimension, as a parameter of this module's own.</summary>
    private static Parameter Stacked(IEnumerable<Tensor> tensors)
    {
        // Called under no_grad: the stack is a new tensor with no history, which the parameter takes over.
        Parameter parameter = new(torch.stack(tensors.ToArray()), requires_grad: true);
        // It lives as long as the module, not the dispose scope it was stacked in.
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    private static void CopySlice(Tensor stacked, int k, Tensor target)
    {
        using Tensor slice = stacked[k];
        target.copy_(slice);
    }
}
