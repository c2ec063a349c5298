using Anc.Components;
using static TorchSharp.torch;

namespace Contoso.Anc.Wording2;

/// <summary>The mean absolute error.</summary>
public sealed class AbsoluteErrorLoss : ILossFunction
{
    /// <inheritdoc />
    public Tensor Compute(Tensor target, Tensor estimate) => (estimate - target).abs().mean();
}
