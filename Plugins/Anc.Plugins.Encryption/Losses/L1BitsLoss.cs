using Anc.Components;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Losses;

/// <summary>
/// Eve's loss, and Bob's: the paper's reconstruction error in bits wrong (what each minimises;
/// the defenders' joint loss is <see cref="AliceBobLoss"/>). With bits encoded as -1/+1, the sum over
/// bits of |P - estimate| / 2, averaged over the batch. A guess of 0 counts half a bit. The last
/// dimension holds the bits and the one before it the batch: <c>[batch, bits]</c> gives one
/// figure, and seeds trained together (<c>[seeds, batch, bits]</c>) one per seed.
/// </summary>
public sealed class L1BitsLoss : ILossFunction
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "l1-bits";

    /// <inheritdoc />
    public Tensor Compute(Tensor target, Tensor estimate)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(estimate);
        return (target - estimate).abs().sum(-1).mean([-1]).div(Scalars.Two);
    }
}
