using Anc.Components;
using static TorchSharp.torch;

namespace MyPlugin;

/// <summary>An example loss; against -1/+1 bits an estimate of all zeros scores 1.</summary>
public sealed class SquaredErrorLoss : ILossFunction
{
    /// <inheritdoc />
    public Tensor Compute(Tensor target, Tensor estimate) => (estimate - target).square().mean();
}
