using Anc.Components;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>
/// The paper's "mix and transform" network: a dense layer that mixes all inputs into
/// 2 x output features, then 1-D convolutions with SAME padding that transform them; the
/// stride-2 layer halves the width to the output width.
/// </summary>
public sealed class MixTransformArchitecture : IArchitecture
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "mix-transform";

    private static readonly ConvolutionLayer[] PaperLayers = [new(4, 2, 1), new(2, 4, 2), new(1, 4, 1), new(1, 1, 1)];
    private static readonly ConvolutionLayer[] ReferenceLayers = [new(2, 2, 2), new(1, 2, 1), new(1, 1, 1)];

    private readonly MixTransformOptions _options;

    /// <summary>Creates the architecture with its options.</summary>
    public MixTransformArchitecture(MixTransformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape)
    {
        if (shape.InputWidth < 1 || shape.OutputWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Widths must be positive.");
        }

        bool paper = _options.Variant == MixTransformVariant.Paper;
        return new MixTransformNetwork(shape, paper ? PaperLayers : ReferenceLayers, denseActivation: paper, xavier: !paper, _options.Implementation);
    }

    /// <inheritdoc />
    public NetworkSize EstimateSize(NetworkShape shape)
    {
        bool paper = _options.Variant == MixTransformVariant.Paper;
        return MixTransformNetwork.Size(shape, paper ? PaperLayers : ReferenceLayers, denseActivation: paper);
    }
}
