using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// A trained encryption cipher as the framework calls it: Alice's encryption and Bob's
/// decryption over batches. Bits are -1/+1 floats, one message per row. Not thread-safe: the
/// framework's <c>TrainedCipher</c> serialises callers.
/// </summary>
public interface IEncryptionCipher
{
    /// <summary>N, the plaintext's length in bits.</summary>
    int PlaintextBits { get; }

    /// <summary>The secret key's length in bits.</summary>
    int KeyBits { get; }

    /// <summary>How many values one ciphertext has.</summary>
    int CiphertextWidth { get; }

    /// <summary>Whether Alice encrypts with a public key made from the secret key (<see cref="MakePublicKey"/>) rather than the secret key itself.</summary>
    bool IsPublicKey { get; }

    /// <summary>Alice: the ciphertexts <c>[rows, CiphertextWidth]</c> of <paramref name="plaintext"/> (<c>[rows, N]</c>) under <paramref name="key"/> (the secret key, or for a public-key cipher the public key).</summary>
    Tensor Encrypt(Tensor plaintext, Tensor key);

    /// <summary>Bob: his reconstruction <c>[rows, N]</c> of the plaintexts from <paramref name="ciphertext"/> and the secret <paramref name="key"/>; a value's sign is the bit.</summary>
    Tensor Decrypt(Tensor ciphertext, Tensor key);

    /// <summary>The public keys of the secret keys <paramref name="secretKey"/>.</summary>
    /// <exception cref="NotSupportedException">The cipher is symmetric.</exception>
    Tensor MakePublicKey(Tensor secretKey);
}
