using static TorchSharp.torch;

namespace Anc.Attacks;

/// <summary>
/// A trained cipher, frozen, as attacks see it: it encrypts plaintexts of the attack's choosing,
/// each under a fresh key, and shows what an eavesdropper observes (the ciphertext, and for a
/// public-key cipher the public key). Nothing the attack does changes it. Bits are encoded as
/// -1 and +1 floats.
/// </summary>
public interface ICipherTarget : IDisposable
{
    /// <summary>N, the plaintext's length in bits.</summary>
    int PlaintextBits { get; }

    /// <summary>How wide what an eavesdropper observes of one message is.</summary>
    int ObservedWidth { get; }

    /// <summary>Where the cipher's tensors live; plaintexts must be there.</summary>
    Device Device { get; }

    /// <summary>
    /// What an eavesdropper observes, <c>[rows, ObservedWidth]</c>, when each row of
    /// <paramref name="plaintext"/> (<c>[rows, PlaintextBits]</c>, -1/+1) is encrypted under a
    /// fresh key. No gradient flows back into the cipher.
    /// </summary>
    Tensor Observe(Tensor plaintext);
}
