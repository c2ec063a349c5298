using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Losses;

/// <summary>
/// Alice and Bob's joint loss: Bob's error on D, plus D-public's error on D, plus
/// weight · |Blind Eve's error − Eve's error| / Blind Eve's error. The last term pushes Eve's
/// error on C towards Blind Eve's, not above it: an Eve who is worse than guessing C's mean is
/// being misled by something that depends on C, which is a leak.
/// </summary>
/// <remarks>
/// The distance is absolute, not squared as in the symmetric loss, because of how leaks are
/// priced here: if D-public carries a share s of wC·C, its error falls by about 2s·wC² (linear in
/// s) while Eve's squared-error advantage grows only like s². A squared distance would make the
/// penalty grow like s⁴, so flat near zero that Alice keeps leaking (with weight 10, D-public
/// kept half of wC·C and fresh Eves gained 13% of Blind Eve's error); the absolute distance
/// grows like s², which holds the leak to a share of about 2/(weight + 2).
/// </remarks>
public static class AliceBobLoss
{
    /// <summary>The loss from the three errors, Blind Eve's error and the adversary term's weight.</summary>
    public static Tensor Compute(Tensor bobError, Tensor publicError, Tensor eveError, Tensor blindEveError, double adversaryWeight)
    {
        ArgumentNullException.ThrowIfNull(bobError);
        ArgumentNullException.ThrowIfNull(publicError);
        ArgumentNullException.ThrowIfNull(eveError);
        ArgumentNullException.ThrowIfNull(blindEveError);
        return bobError + publicError + (blindEveError - eveError).abs().div(blindEveError).mul(adversaryWeight);
    }
}
