namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>What a control cipher multiplies the plaintext by: on the -1/+1 encoding of bits, the product is XOR.</summary>
internal enum ControlCipherKey
{
    /// <summary>Nothing: the ciphertext is the plaintext.</summary>
    None,

    /// <summary>The message's own key, the second half of the input: a one-time pad.</summary>
    Message,

    /// <summary>One key drawn when the network is built and kept as its buffer: a key reused for every message.</summary>
    Fixed,
}
