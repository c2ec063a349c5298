using static TorchSharp.torch;

namespace Anc.Components;

/// <summary>A named reconstruction loss between a target and a party's estimate.</summary>
public interface ILossFunction
{
    /// <summary>
    /// The loss of a batch as a scalar tensor that autograd can differentiate.
    /// </summary>
    /// <param name="target">The true values, <c>[batch, width]</c>.</param>
    /// <param name="estimate">The party's estimate, same shape.</param>
    Tensor Compute(Tensor target, Tensor estimate);
}
