using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>An <see cref="ITrainedScenario"/> whose defenders make an encryption cipher (symmetric or public-key).</summary>
public interface IEncryptionScenario : ITrainedScenario
{
    /// <summary>
    /// The cipher the trained defenders make, over <paramref name="networks"/> (the defenders of
    /// <see cref="ITrainedScenario.TrainedNetworks"/> by party, weights loaded, frozen). The
    /// framework owns the networks and serialises calls; the cipher only computes.
    /// </summary>
    IEncryptionCipher CreateCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks);
}
