using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Losses;

/// <summary>
/// Alice and Bob's joint loss, L_bob + (N/2 - L_eve)^2 / (N/2)^2: it rewards Bob's accuracy and
/// pushes Eve towards chance, not towards being always wrong (an always-wrong Eve would reveal
/// the plaintext by flipping her guess).
/// </summary>
public static class AliceBobLoss
{
    /// <summary>The loss from Bob's and Eve's errors in bits wrong, for N-bit plaintexts.</summary>
    public static Tensor Compute(Tensor bobBitsWrong, Tensor eveBitsWrong, int bits)
    {
        ArgumentNullException.ThrowIfNull(bobBitsWrong);
        ArgumentNullException.ThrowIfNull(eveBitsWrong);
        double half = bits / 2.0;
        // Disposed here, not left to a finalizer (see BitSource).
        using Scalar halfScalar = half;
        using Scalar squaredHalf = half * half;
        return bobBitsWrong + eveBitsWrong.neg().add_(halfScalar).square().div_(squaredHalf);
    }
}
