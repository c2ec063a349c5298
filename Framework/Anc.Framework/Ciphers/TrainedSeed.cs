using Anc.Manifests;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// One seed of a finished run, read back for use: its networks rebuilt from the run's manifest,
/// each with its final weights, frozen (no gradients), on the CPU. Nothing of training is made:
/// no experiment, optimizer or data stream. It owns the networks and disposes them.
/// </summary>
public sealed class TrainedSeed : IDisposable
{
    private readonly Dictionary<string, nn.Module<Tensor, Tensor>> _networks;

    internal TrainedSeed(string runPath, int seed, ResolvedManifest manifest, ITrainedScenario scenario, FootprintContext context, IReadOnlyList<TrainedNetwork> described, Dictionary<string, nn.Module<Tensor, Tensor>> networks)
    {
        RunPath = runPath;
        Seed = seed;
        Manifest = manifest;
        Scenario = scenario;
        Context = context;
        Descriptions = described;
        _networks = networks;
    }

    /// <summary>The run's folder.</summary>
    public string RunPath { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The run's manifest, as it trained.</summary>
    public ResolvedManifest Manifest { get; }

    /// <summary>The run's scenario.</summary>
    public ITrainedScenario Scenario { get; }

    /// <summary>What the scenario was given to describe its networks: the adversaries and the data generator.</summary>
    public FootprintContext Context { get; }

    /// <summary>The networks loaded, as the scenario describes them, in its order.</summary>
    public IReadOnlyList<TrainedNetwork> Descriptions { get; }

    /// <summary>The networks loaded, by party.</summary>
    public IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> Networks => _networks;

    /// <summary>The architecture of <paramref name="party"/>'s network, as the manifest names it.</summary>
    public ResolvedComponent Architecture(string party) => Manifest.Parties.Single(p => p.Role.Name == party).Architecture;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (nn.Module<Tensor, Tensor> network in _networks.Values)
        {
            network.Dispose();
        }

        _networks.Clear();
    }
}
