using Anc.Scenarios;

namespace Anc.Ciphers;

/// <summary>
/// Optional for an <see cref="IScenario"/> whose trained networks can be used after training:
/// exported (<c>anc-host export</c>) and called by services (a trained cipher). It names the
/// networks a seed's checkpoint holds, so the framework can rebuild them from the manifest
/// alone, load their weights and nothing else: no experiment, optimizer or data stream is made.
/// A scenario that makes a cipher also implements <see cref="IEncryptionScenario"/> or
/// <see cref="IProtectionScenario"/>.
/// </summary>
public interface ITrainedScenario
{
    /// <summary>
    /// Every network one seed's checkpoint holds, adversaries' included, with the shape it was
    /// built with and its file, from the same components the run was trained with.
    /// </summary>
    IReadOnlyList<TrainedNetwork> TrainedNetworks(FootprintContext context);
}
