using Anc.Components;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>
/// The module <see cref="MixTransformArchitecture"/> builds; input and output are <c>[batch, width]</c>.
/// Its parameters are a <see cref="Linear"/> and <see cref="Conv1d"/> layers whatever the
/// implementation, so weights saved by one implementation load into the other.
/// </summary>
internal sealed class MixTransformNetwork : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names a module's parameters after its fields: they are its checkpoints' keys.
    private readonly Linear dense;
    private readonly ModuleList<Conv1d> convolutions;
#pragma warning restore IDE1006
    private readonly ChannelsLastConvolution[] _channelsLast;
    private readonly ConvolutionLayer[] _layers;
    private readonly bool _denseActivation;
    private readonly MixTransformImplementation _implementation;

    public MixTransformNetwork(NetworkShape shape, IReadOnlyList<ConvolutionLayer> layers, bool denseActivation, bool xavier, MixTransformImplementation implementation)
        : base(nameof(MixTransformNetwork))
    {
        int stride = layers.Aggregate(1, (s, l) => s * l.Stride);
        int width = shape.OutputWidth * stride;
        dense = nn.Linear(shape.InputWidth, width);
        convolutions = new ModuleList<Conv1d>();
        _channelsLast = ChannelsLastConvolution.ForLayers(layers, width);
        _implementation = implementation;
        _layers = layers.ToArray();
        int depth = 1;
        foreach (ConvolutionLayer layer in layers)
        {
            convolutions.Add(nn.Conv1d(depth, layer.OutputDepth, layer.Window, layer.Stride));
            depth = layer.OutputDepth;
        }

        _denseActivation = denseActivation;
        RegisterComponents();
        if (xavier)
        {
            using var noGrad = torch.no_grad();
            foreach (Parameter parameter in parameters())
            {
                if (parameter.dim() > 1)
                {
                    nn.init.xavier_uniform_(parameter);
                }
                else
                {
                    nn.init.zeros_(parameter);
                }
            }
        }
    }

    /// <summary>The dense layer (input width to the first convolution's width).</summary>
    internal Linear Dense => dense;

    /// <summary>Convolution <paramref name="i"/>; its weights are the network's whatever the implementation.</summary>
    internal Conv1d Convolution(int i) => convolutions[i];

    /// <summary>The convolutions' descriptions, in order (one per <see cref="Convolution"/>).</summary>
    internal IReadOnlyList<ConvolutionLayer> Layers => _layers;

    /// <summary>Whether a sigmoid follows the dense layer.</summary>
    internal bool DenseActivation => _denseActivation;

    public override Tensor forward(Tensor input)
    {
        bool layers = _implementation == MixTransformImplementation.Layers;
        Tensor h = dense.forward(input);
        if (_denseActivation)
        {
            h = h.sigmoid();
        }

        // Conv1d wants [batch, depth, width]; the matrix products [batch, width x depth].
        if (layers)
        {
            h = h.unsqueeze(1);
        }

        for (int i = 0; i < convolutions.Count; i++)
        {
            h = layers ? Convolve(i, h) : _channelsLast[i].Apply(h, convolutions[i]);
            h = i < convolutions.Count - 1 ? h.sigmoid() : h.tanh();
        }

        // The last layer has depth 1, so [batch, width x 1] is already [batch, width].
        return layers ? h.squeeze(1) : h;
    }

    /// <summary>
    /// The size of the network the constructor builds for <paramref name="shape"/>, counted the
    /// way it builds it: the dense layer, then each convolution with its padded input (where it
    /// pads), its output and its nonlinearity's output.
    /// </summary>
    public static NetworkSize Size(NetworkShape shape, IReadOnlyList<ConvolutionLayer> layers, bool denseActivation)
    {
        double stride = layers.Aggregate(1.0, (s, l) => s * l.Stride);
        double width = shape.OutputWidth * stride;
        double parameters = (shape.InputWidth + 1.0) * width;
        double activations = shape.InputWidth + (denseActivation ? 2 : 1) * width;
        double depth = 1;
        foreach (ConvolutionLayer layer in layers)
        {
            parameters += (depth * layer.Window + 1) * layer.OutputDepth;
            double output = Math.Ceiling(width / layer.Stride);
            double padding = Math.Max(((output - 1) * layer.Stride) + layer.Window - width, 0);
            activations += (padding > 0 ? depth * (width + padding) : 0) + (2 * layer.OutputDepth * output);
            width = output;
            depth = layer.OutputDepth;
        }

        return new NetworkSize(parameters, activations);
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

    /// <summary>Layer <paramref name="i"/> as the paper draws it: SAME padding, then the Conv1d.</summary>
    private Tensor Convolve(int i, Tensor h)
    {
        long[] padding = _channelsLast[i].Padding;
        if (padding[0] + padding[1] > 0)
        {
            h = nn.functional.pad(h, padding);
        }

        return convolutions[i].forward(h);
    }

    /// <summary>TensorFlow's SAME padding (left, right) for a width, window and stride.</summary>
    internal static long[] SamePadding(int width, int window, int stride)
    {
        int output = (width + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + window - width, 0);
        return [total / 2, total - total / 2];
    }
}
