using TorchSharp;
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
}
