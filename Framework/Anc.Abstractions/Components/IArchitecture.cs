using static TorchSharp.torch;

namespace Anc.Components;

/// <summary>
/// Builds a party's network, such as the paper's "mix and transform" network. The
/// implementation receives its options through its constructor.
/// </summary>
public interface IArchitecture
{
    /// <summary>
    /// Builds a fresh network with new random weights drawn from torch's current generator.
    /// Inputs and outputs are batches of <c>[batch, width]</c> float tensors.
    /// </summary>
    nn.Module<Tensor, Tensor> Build(NetworkShape shape);

    /// <summary>
    /// How large the network <see cref="Build"/> makes for <paramref name="shape"/> is, computed
    /// without building it. The framework uses it to refuse, when it reads a manifest, sizes that
    /// cannot fit in memory, so count what the network cannot do without: an estimate that is too
    /// small only lets such a run start and fail later, one that is too large refuses a run that would fit.
    /// The default knows only what every network holds, its input and output, and no weights.
    /// </summary>
    NetworkSize EstimateSize(NetworkShape shape) => new(0, (double)shape.InputWidth + shape.OutputWidth);
}
