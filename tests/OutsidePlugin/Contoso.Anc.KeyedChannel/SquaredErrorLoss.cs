using Anc.Components;
using static TorchSharp.torch;

namespace Contoso.Anc.KeyedChannel;

/// <summary>The mean squared error; an estimate of all zeros scores 1 against -1/+1 bits.</summary>
public sealed class SquaredErrorLoss : ILossFunction
{
    /// <inheritdoc />
    public Tensor Compute(Tensor target, Tensor estimate) => nn.functional.mse_loss(estimate, target);
}
