using Anc.Ciphers;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.PublicKey;

/// <summary>The trained public-key cipher: the key generator turns the private key into the public key, Alice reads <c>[P, public key]</c>, Bob <c>[C, private key]</c>, as in training.</summary>
internal sealed class PublicKeyCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks, int bits) : IEncryptionCipher
{
    private readonly nn.Module<Tensor, Tensor> _keyGenerator = networks["keyGenerator"];
    private readonly nn.Module<Tensor, Tensor> _alice = networks["alice"];
    private readonly nn.Module<Tensor, Tensor> _bob = networks["bob"];

    public int PlaintextBits => bits;

    public int KeyBits => bits;

    public int CiphertextWidth => bits;

    public bool IsPublicKey => true;

    public Tensor Encrypt(Tensor plaintext, Tensor key) => _alice.forward(torch.cat([plaintext, key], 1));

    public Tensor Decrypt(Tensor ciphertext, Tensor key) => _bob.forward(torch.cat([ciphertext, key], 1));

    public Tensor MakePublicKey(Tensor secretKey) => _keyGenerator.forward(secretKey);
}
