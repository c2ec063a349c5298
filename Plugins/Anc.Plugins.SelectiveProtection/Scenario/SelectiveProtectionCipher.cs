using Anc.Ciphers;
using Anc.Plugins.SelectiveProtection.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// The trained selective protection: Alice reads <c>[A, B, C, key]</c> and writes
/// <c>[D-public, ciphertext]</c>, Bob reads <c>[D-public, ciphertext, key]</c>, as in training;
/// keys are standard normal, as training drew them.
/// </summary>
internal sealed class SelectiveProtectionCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks, NetworkShapes shapes) : IProtectionCipher
{
    private readonly nn.Module<Tensor, Tensor> _alice = networks["alice"];
    private readonly nn.Module<Tensor, Tensor> _bob = networks["bob"];
    private readonly int _dWidth = shapes.Fields[CorrelatedGaussianGenerator.D];

    public IReadOnlyDictionary<string, int> Fields { get; } = new[] { CorrelatedGaussianGenerator.A, CorrelatedGaussianGenerator.B, CorrelatedGaussianGenerator.C, CorrelatedGaussianGenerator.D }
        .ToDictionary(f => f, f => shapes.Fields[f]);

    public int KeyWidth => shapes.Options.KeyWidth;

    public int CiphertextWidth => shapes.Options.CiphertextWidth;

    public Tensor NewKeys(long rows, Generator generator) =>
        torch.randn([rows, KeyWidth], dtype: ScalarType.Float32, device: generator.device, generator: generator);

    public (Tensor DPublic, Tensor Ciphertext) Protect(Tensor a, Tensor b, Tensor c, Tensor key)
    {
        Tensor output = _alice.forward(torch.cat([a, b, c, key], 1));
        return (output[.., .._dWidth], output[.., _dWidth..]);
    }

    public Tensor EstimateD(Tensor dPublic, Tensor ciphertext, Tensor key) => _bob.forward(torch.cat([dPublic, ciphertext, key], 1));
}
