using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>An <see cref="ITrainedScenario"/> whose defenders protect a field of a record (selective protection).</summary>
public interface IProtectionScenario : ITrainedScenario
{
    /// <summary>
    /// The protection the trained defenders make, over <paramref name="networks"/> (the defenders
    /// of <see cref="ITrainedScenario.TrainedNetworks"/> by party, weights loaded, frozen), for the
    /// data <paramref name="context"/> describes. The framework owns the networks and serialises calls.
    /// </summary>
    IProtectionCipher CreateProtection(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks, FootprintContext context);
}
