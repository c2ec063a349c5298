using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// A trained selective protection as the framework calls it: Alice turns records &lt;A, B, C&gt;
/// and a key into what is released (D-public and a ciphertext), from which Bob, with the key,
/// estimates D, and nobody should learn C. One record per row. Not thread-safe: the framework's
/// <c>TrainedProtection</c> serialises callers.
/// </summary>
public interface IProtectionCipher
{
    /// <summary>The record's fields Alice reads (<c>a</c>, <c>b</c>, <c>c</c>) and the one Bob estimates (<c>d</c>), each with its width.</summary>
    IReadOnlyDictionary<string, int> Fields { get; }

    /// <summary>How many values one key has.</summary>
    int KeyWidth { get; }

    /// <summary>How many values the ciphertext released beside D-public has.</summary>
    int CiphertextWidth { get; }

    /// <summary>Fresh keys, <c>[rows, KeyWidth]</c>, drawn as training drew them, from <paramref name="generator"/>.</summary>
    Tensor NewKeys(long rows, Generator generator);

    /// <summary>Alice: what is released for each record, D-public <c>[rows, width of d]</c> and the ciphertext <c>[rows, CiphertextWidth]</c>.</summary>
    (Tensor DPublic, Tensor Ciphertext) Protect(Tensor a, Tensor b, Tensor c, Tensor key);

    /// <summary>Bob: his estimate of D <c>[rows, width of d]</c> from what was released and the key.</summary>
    Tensor EstimateD(Tensor dPublic, Tensor ciphertext, Tensor key);
}
