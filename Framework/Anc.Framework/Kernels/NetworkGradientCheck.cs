using Anc.Components;
using Anc.Manifests;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// Checks a manifest's own networks, as its scenario says it builds them (its
/// <see cref="SeedFootprint"/>), in float32 against float64 on this machine: whatever
/// operations a plugin's architecture uses, a kernel that computes them wrongly here shows.
/// </summary>
internal sealed class NetworkGradientCheck
{
    private const int Batch = 16;

    private readonly ComponentFactory _factory;

    public NetworkGradientCheck(ComponentFactory factory)
    {
        _factory = factory;
    }

    /// <summary>
    /// One check per distinct network (party and widths); none for a scenario that does not tell
    /// its networks, and none for a network that cannot even be built or run (the run reports that itself).
    /// </summary>
    public IReadOnlyList<KernelCheck> Run(ResolvedManifest manifest, Device device)
    {
        SeedFootprint? footprint;
        Dictionary<string, IArchitecture> architectures;
        try
        {
            architectures = manifest.Parties.ToDictionary(p => p.Role.Name, p => _factory.Create<IArchitecture>(p.Architecture));
            IScenario scenario = _factory.Create<IScenario>(manifest.Scenario);
            footprint = scenario.EstimateFootprint(_factory.CreateFootprintContext(manifest.Parties, manifest.Data));
        }
        catch (Exception)
        {
            return [];
        }

        List<KernelCheck> checks = [];
        foreach (PartyNetwork network in footprint?.Networks.Distinct() ?? [])
        {
            if (!architectures.TryGetValue(network.Party, out IArchitecture? architecture))
            {
                continue;
            }

            string name = $"{network.Party}'s network ({manifest.Parties.First(p => p.Role.Name == network.Party).Architecture.Descriptor.Name}, {network.Shape.InputWidth}->{network.Shape.OutputWidth})";
            try
            {
                checks.Add(Float64Comparison.Compare(name, () => architecture.Build(network.Shape), [Batch, network.Shape.InputWidth], device));
            }
            catch (Exception)
            {
                // A network that fails to build or run fails the seed, which says why; the check has nothing to add.
            }
        }

        return checks;
    }
}
