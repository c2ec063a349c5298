using Anc.Ciphers;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>The trained symmetric cipher: Alice reads <c>[P, K]</c>, Bob <c>[C, K]</c>, as in training.</summary>
internal sealed class SymmetricCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks, int bits) : IEncryptionCipher
{
    private readonly nn.Module<Tensor, Tensor> _alice = networks["alice"];
    private readonly nn.Module<Tensor, Tensor> _bob = networks["bob"];

    public int PlaintextBits => bits;

    public int KeyBits => bits;

    public int CiphertextWidth => bits;

    public bool IsPublicKey => false;

    public Tensor Encrypt(Tensor plaintext, Tensor key) => _alice.forward(torch.cat([plaintext, key], 1));

    public Tensor Decrypt(Tensor ciphertext, Tensor key) => _bob.forward(torch.cat([ciphertext, key], 1));

    public Tensor MakePublicKey(Tensor secretKey) => throw new NotSupportedException("The symmetric cipher has no public key: Alice encrypts with the secret key.");
}
