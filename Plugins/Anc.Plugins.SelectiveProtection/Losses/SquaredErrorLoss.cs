using Anc.Components;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Losses;

/// <summary>The mean squared error, over the batch and every value of an example.</summary>
public sealed class SquaredErrorLoss : ILossFunction
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "squared-error";

    /// <inheritdoc />
    public Tensor Compute(Tensor target, Tensor estimate)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(estimate);
        return (target - estimate).square().mean();
    }
}
