using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>
/// One convolution of the network computed as one matrix product on a flat channels-last
/// <c>[batch, width x depth]</c> tensor, with the <see cref="Conv1d"/>'s own weights, so it is
/// the same function with the same gradients: the input times the banded matrix the convolution
/// is, made from the kernel at every call as the kernel times a fixed 0/1 selection matrix (one
/// small product, whose backward adds the band's gradients up into the kernel; a gather and a
/// padding did the same in four times the operations). More arithmetic than the convolution, but one well-shaped matrix product, where
/// a convolution (or a product with an inner dimension of 4) over one to four channels is many
/// small, badly vectorised operations: several times faster on a CPU. A band too large to be
/// worth it (it grows with the width squared) gives way to the windows as rows of a reshaped
/// (window = stride) or unfolded view times the flattened kernel, which grows with the width.
/// <see cref="StackedMixTransformNetwork"/> makes the same band from several kernels at once.
/// Where no window reaches across positions (a window no wider than its stride, no padding),
/// the band is block diagonal: the matrix is then one block, for a few output positions, and
/// the input is multiplied block by block (viewed as <c>[batch x blocks, block rows]</c>),
/// which skips the band's zeros: a third of the time of the whole band at batch 4096. The bias
/// repeated over the output positions is the bias times its own selection matrix.
/// </summary>
internal sealed class ChannelsLastConvolution : IDisposable
{
    /// <summary>
    /// The most cells the selection matrix of a band may have (kernel weights x band cells; 16 MiB
    /// of floats): beyond it, making the band costs more than the windows' own products.
    /// </summary>
    internal const long MaxSelectionCells = 1 << 22;

    /// <summary>
    /// How many input values (positions x channels) a block of a block diagonal band reads at
    /// most. Products with 16 rows or fewer cost the same per batch at 4096 (measured: 4 x 4 to
    /// 16 x 16 blocks 250 to 330 us forward and backward, 32 x 32 335 us, the whole 64 x 64 band 770 us).
    /// </summary>
    internal const int BlockInputs = 16;

    /// <summary>
    /// Blocks with fewer columns than this get their bias added after the product over the whole
    /// row; wider ones in the product (an add after it was slower: 16.4 against 15.1 ms a round).
    /// </summary>
    private const int NarrowBlock = 16;

    private readonly ConvolutionLayer _layer;
    private readonly long[] _padding;
    private readonly long _inputWidth;
    private readonly long _inputDepth;
    private readonly long _outputWidth;
    private readonly long _blocks;
    private readonly long[]? _band;
    private readonly long _kernel;
    private readonly long _bandRows;
    private readonly long _bandColumns;
    private Tensor? _bandSelection;
    private Tensor? _biasSelection;

    /// <param name="layer">The convolution.</param>
    /// <param name="inputWidth">The width of its input.</param>
    /// <param name="inputDepth">The depth (channels) of its input.</param>
    public ChannelsLastConvolution(ConvolutionLayer layer, int inputWidth, int inputDepth)
    {
        _layer = layer;
        _padding = MixTransformNetwork.SamePadding(inputWidth, layer.Window, layer.Stride);
        _inputWidth = inputWidth;
        _inputDepth = inputDepth;
        _outputWidth = (inputWidth + layer.Stride - 1) / layer.Stride;
        long blockPositions = BlockPositions(layer, inputWidth, inputDepth, _padding, _outputWidth);
        _blocks = _outputWidth / blockPositions;
        long blockWidth = inputWidth / _blocks;
        _bandRows = blockWidth * inputDepth;
        _bandColumns = blockPositions * layer.OutputDepth;
        _kernel = (long)layer.OutputDepth * inputDepth * layer.Window;
        if (_kernel * _bandRows * _bandColumns <= MaxSelectionCells)
        {
            // A block has no padding of its own: blocks exist only where the layer pads nothing.
            _band = BandIndices(layer, (int)blockWidth, inputDepth, _padding[0], blockPositions);
        }
    }

    /// <summary>Whether the convolution is a band matrix product (its band is small enough).</summary>
    internal bool HasBand => _band is not null;

    /// <summary>How many diagonal blocks the band has: 1 where it is one band matrix.</summary>
    internal long Blocks => _blocks;

    /// <summary>The band matrix's (one block's) rows: input width x input depth, over <see cref="Blocks"/>.</summary>
    internal long BandRows => _bandRows;

    /// <summary>The band matrix's (one block's) columns: output width x output depth, over <see cref="Blocks"/>.</summary>
    internal long BandColumns => _bandColumns;

    /// <summary>The output's width (positions); the bias repeats once per position.</summary>
    internal long OutputWidth => _outputWidth;

    /// <summary>TensorFlow's SAME padding of the input's width, (left, right).</summary>
    internal long[] Padding => _padding;

    /// <summary>
    /// One per layer of <paramref name="layers"/>, each for the width and depth the layer before
    /// leaves, starting from the dense layer's output: <paramref name="width"/> wide, depth 1.
    /// </summary>
    internal static ChannelsLastConvolution[] ForLayers(IReadOnlyList<ConvolutionLayer> layers, int width)
    {
        ChannelsLastConvolution[] convolutions = new ChannelsLastConvolution[layers.Count];
        int depth = 1;
        for (int i = 0; i < layers.Count; i++)
        {
            convolutions[i] = new ChannelsLastConvolution(layers[i], width, depth);
            width = (width + layers[i].Stride - 1) / layers[i].Stride;
            depth = layers[i].OutputDepth;
        }

        return convolutions;
    }

    /// <summary>
    /// <paramref name="input"/> is <c>[batch, width x depth]</c>, channels last (position by
    /// position, each position's channels together); so is the result.
    /// </summary>
    public Tensor Apply(Tensor input, Conv1d convolution)
    {
        Tensor weight = convolution.weight!;
        Tensor bias = convolution.bias!;
        long batch = input.shape[0];
        if (HasBand)
        {
            (Tensor band, Tensor biasRow) = Weights(weight.reshape(1, -1), bias.unsqueeze(0));
            Tensor matrix = band.view(_bandRows, _bandColumns);
            Tensor blocks = input.reshape(batch * _blocks, _bandRows);
            if (_bandColumns < NarrowBlock)
            {
                // Broadcasting a bias over rows this short is slow (three times the product at 4 columns);
                // over the example's whole output row it is a plain vectorised add.
                return torch.mm(blocks, matrix).view(batch, _blocks * _bandColumns).add_(biasRow, Scalars.One);
            }

            // One block's share of the row (it repeats every output depth), added in the product.
            return torch.addmm(biasRow.narrow(1, 0, _bandColumns), blocks, matrix, 1, 1).view(batch, _blocks * _bandColumns);
        }

        Tensor positions = input.view(batch, _inputWidth, _inputDepth);
        if (_padding[0] + _padding[1] > 0)
        {
            positions = nn.functional.pad(positions, [0, 0, _padding[0], _padding[1]]);
        }

        Tensor windows, kernel;
        if (_layer.Window == _layer.Stride)
        {
            // Row w of the view holds window w's (position, channel) pairs: the kernel is laid out to match.
            windows = positions.reshape(batch, _outputWidth, _layer.Window * _inputDepth);
            kernel = weight.permute(0, 2, 1).reshape(_layer.OutputDepth, _layer.Window * _inputDepth);
        }
        else
        {
            // unfold gives [batch, width, depth, window]: (channel, position) pairs, the kernel's own order.
            windows = positions.unfold(1, _layer.Window, _layer.Stride).reshape(batch, _outputWidth, _inputDepth * _layer.Window);
            kernel = weight.reshape(_layer.OutputDepth, _inputDepth * _layer.Window);
        }

        return nn.functional.linear(windows, kernel, bias).view(batch, _outputWidth * _layer.OutputDepth);
    }

    /// <summary>
    /// The output positions of one diagonal block of the band: all of them (one block) where a
    /// window reaches past its stride or the layer pads, otherwise the most that divide the
    /// output evenly with a block reading at most <see cref="BlockInputs"/> values (at least one).
    /// </summary>
    private static long BlockPositions(ConvolutionLayer layer, int inputWidth, int inputDepth, long[] padding, long outputWidth)
    {
        if (layer.Window > layer.Stride || padding[0] + padding[1] > 0 || inputWidth != outputWidth * layer.Stride)
        {
            return outputWidth;
        }

        long positions = 1;
        for (long candidate = 2; candidate <= outputWidth; candidate++)
        {
            if (outputWidth % candidate == 0 && candidate * layer.Stride * inputDepth <= BlockInputs)
            {
                positions = candidate;
            }
        }

        return positions;
    }

    /// <summary>
    /// For each cell of the banded matrix (input position x channel, output position x channel),
    /// the index of its kernel weight in the flattened kernel, or one past the end (a zero) where
    /// the window does not reach.
    /// </summary>
    private static long[] BandIndices(ConvolutionLayer layer, int inputWidth, int inputDepth, long leftPadding, long outputWidth)
    {
        long columns = outputWidth * layer.OutputDepth;
        long[] band = new long[inputWidth * inputDepth * columns];
        Array.Fill(band, (long)layer.OutputDepth * inputDepth * layer.Window);
        for (long position = 0; position < outputWidth; position++)
        {
            for (int k = 0; k < layer.Window; k++)
            {
                long source = (position * layer.Stride) + k - leftPadding;
                if (source < 0 || source >= inputWidth)
                {
                    continue;
                }

                for (int output = 0; output < layer.OutputDepth; output++)
                {
                    for (int channel = 0; channel < inputDepth; channel++)
                    {
                        long row = (source * inputDepth) + channel;
                        long column = (position * layer.OutputDepth) + output;
                        band[(row * columns) + column] = ((((long)output * inputDepth) + channel) * layer.Window) + k;
                    }
                }
            }
        }

        return band;
    }

    /// <summary>
    /// The band matrices of <paramref name="kernels"/> (<c>[networks, kernel size]</c>, each row
    /// a flattened kernel) as <c>[networks, <see cref="BandRows"/> x <see cref="BandColumns"/>]</c>,
    /// the kernels times the band's selection matrix (exact: each cell is one weight times one),
    /// and <paramref name="biases"/> (<c>[networks, output depth]</c>) repeated once per output
    /// position, <c>[networks, <see cref="OutputWidth"/> x output depth]</c>, channels last, the
    /// biases times theirs. Only when <see cref="HasBand"/>.
    /// </summary>
    internal (Tensor Band, Tensor BiasRow) Weights(Tensor kernels, Tensor biases)
    {
        // One check per call for both constants: they are made together, once per device and type.
        if (_bandSelection is null || _bandSelection.device_type != kernels.device_type
            || _bandSelection.device_index != kernels.device_index || _bandSelection.dtype != kernels.dtype)
        {
            MakeSelections(kernels.dtype, kernels.device);
        }

        return (kernels.mm(_bandSelection!), biases.mm(_biasSelection!));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _bandSelection?.Dispose();
        _biasSelection?.Dispose();
    }

    /// <summary>
    /// The selection matrices, owned by this object for as long as the network lives: the band's
    /// (row k holds a 1 in each cell that reads weight k; the band's zeros read row K, left out)
    /// and the bias's (row c holds a 1 at channel c of every output position).
    /// </summary>
    private void MakeSelections(ScalarType type, Device device)
    {
        _bandSelection?.Dispose();
        _biasSelection?.Dispose();
        using IDisposable scope = torch.NewDisposeScope();
        Tensor cells = torch.tensor(_band!, device: device).unsqueeze(0);
        _bandSelection = torch.zeros(_kernel + 1, _band!.Length, type, device)
            .scatter_(0, cells, torch.ones(1, _band.Length, type, device))
            .narrow(0, 0, _kernel).contiguous().MoveToOuterDisposeScope();
        _biasSelection = torch.eye(_layer.OutputDepth, dtype: type, device: device).repeat(1, _outputWidth).MoveToOuterDisposeScope();
        _bandSelection.DetachFromDisposeScope();
        _biasSelection.DetachFromDisposeScope();
    }
}
