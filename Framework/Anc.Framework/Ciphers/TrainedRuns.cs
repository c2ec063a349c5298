using Anc.Components;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Resume;
using Anc.Results;
using Anc.Runs;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// Reads what a run trained back for use: a seed's networks (<see cref="Open"/>), its cipher
/// (<see cref="OpenCipher"/>) or its protection (<see cref="OpenProtection"/>). The run's own
/// manifest and plugins rebuild the networks; its final checkpoint gives their weights.
/// </summary>
public sealed class TrainedRuns
{
    private readonly ManifestReader _reader;
    private readonly ComponentFactory _factory;

    /// <summary>Creates the reader.</summary>
    public TrainedRuns(ManifestReader reader, ComponentFactory factory)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(factory);
        _reader = reader;
        _factory = factory;
    }

    /// <summary>The seeds of the run in <paramref name="runPath"/> that finished training (they have a final checkpoint), in the manifest's order.</summary>
    /// <exception cref="AncInputException">The folder is not a run directory.</exception>
    public IReadOnlyList<int> FinishedSeeds(string runPath)
    {
        (RunDirectory run, ResolvedManifest manifest) = Read(runPath);
        return Finished(run, manifest);
    }

    /// <summary>
    /// Seed <paramref name="seed"/> of the run in <paramref name="runPath"/>, or where it is null
    /// the first seed that succeeded. Only the defenders' networks are loaded unless
    /// <paramref name="adversaries"/> is set.
    /// </summary>
    /// <exception cref="AncInputException">The folder is not a run, its scenario offers nothing to use, the seed did not finish, or no seed succeeded and none was named.</exception>
    public TrainedSeed Open(string runPath, int? seed = null, bool adversaries = false)
    {
        (RunDirectory run, ResolvedManifest manifest) = Read(runPath);
        int chosen = Choose(run, manifest, seed);
        if (_factory.Create<IScenario>(manifest.Scenario) is not ITrainedScenario trained)
        {
            throw new AncInputException($"{run.FullPath}: scenario '{manifest.Scenario.Descriptor.Name}' offers no trained networks to use.");
        }

        // Only what rebuilds the networks is made: the scenario, its footprint's components and the architectures.
        FootprintContext context = _factory.CreateFootprintContext(manifest.Parties, manifest.Data);
        Dictionary<string, ResolvedParty> parties = manifest.Parties.ToDictionary(p => p.Role.Name);
        string checkpoint = new SeedCheckpoints(run.SeedPath(chosen)).Latest()!.Directory;
        TrainedNetwork[] described = trained.TrainedNetworks(context).Where(n => adversaries || !parties[n.Party].Role.IsAdversary).ToArray();
        Dictionary<string, nn.Module<Tensor, Tensor>> networks = [];
        try
        {
            foreach (TrainedNetwork network in described)
            {
                networks[network.Party] = Load(_factory.Create<IArchitecture>(parties[network.Party].Architecture), network, checkpoint);
            }
        }
        catch
        {
            foreach (nn.Module<Tensor, Tensor> network in networks.Values)
            {
                network.Dispose();
            }

            throw;
        }

        return new TrainedSeed(run.FullPath, chosen, manifest, trained, context, described, networks);
    }

    /// <summary>The trained encryption cipher of a seed, as <see cref="Open"/> chooses it.</summary>
    /// <exception cref="AncInputException">As <see cref="Open"/>, or the run's scenario makes no encryption cipher.</exception>
    public TrainedCipher OpenCipher(string runPath, int? seed = null)
    {
        TrainedSeed trained = Open(runPath, seed);
        if (trained.Scenario is not IEncryptionScenario encryption)
        {
            trained.Dispose();
            throw new AncInputException($"{trained.RunPath}: scenario '{trained.Manifest.Scenario.Descriptor.Name}' makes no encryption cipher.");
        }

        return new TrainedCipher(trained, encryption.CreateCipher(trained.Networks));
    }

    /// <summary>The trained selective protection of a seed, as <see cref="Open"/> chooses it.</summary>
    /// <exception cref="AncInputException">As <see cref="Open"/>, or the run's scenario makes no protection.</exception>
    public TrainedProtection OpenProtection(string runPath, int? seed = null)
    {
        TrainedSeed trained = Open(runPath, seed);
        if (trained.Scenario is not IProtectionScenario protection)
        {
            trained.Dispose();
            throw new AncInputException($"{trained.RunPath}: scenario '{trained.Manifest.Scenario.Descriptor.Name}' makes no selective protection.");
        }

        return new TrainedProtection(trained, protection.CreateProtection(trained.Networks, trained.Context));
    }

    private static nn.Module<Tensor, Tensor> Load(IArchitecture architecture, TrainedNetwork network, string checkpoint)
    {
        string file = Path.Combine(checkpoint, network.CheckpointFile);
        if (!File.Exists(file))
        {
            throw new AncInputException($"{checkpoint}: {network.CheckpointFile} is missing; the checkpoint is incomplete.");
        }

        nn.Module<Tensor, Tensor> module = architecture.Build(network.Shape);
        module.load(file);
        module.eval();
        foreach (TorchSharp.Modules.Parameter parameter in module.parameters())
        {
            parameter.requires_grad = false;
        }

        return module;
    }

    private (RunDirectory Run, ResolvedManifest Manifest) Read(string runPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runPath);
        RunDirectory run = RunFolder.Open(runPath);
        return (run, _reader.Read(RunFolder.Manifest(run)));
    }

    private static int[] Finished(RunDirectory run, ResolvedManifest manifest) =>
        manifest.Seeds.Where(s => new SeedCheckpoints(run.SeedPath(s)).Latest() is { Final: true }).ToArray();

    private static int Choose(RunDirectory run, ResolvedManifest manifest, int? seed)
    {
        int[] finished = Finished(run, manifest);
        if (seed is { } named)
        {
            return finished.Contains(named)
                ? named
                : throw new AncInputException($"{run.FullPath}: seed {named} did not finish training (no checkpoints/final); finished: {Listed(finished)}.");
        }

        int[] succeeded = finished.Where(s => SeedOutcomeFile.Read(run, s)?.Success == true).ToArray();
        return succeeded.Length > 0
            ? succeeded[0]
            : throw new AncInputException($"{run.FullPath}: no seed succeeded; name the one to use with --seed (finished: {Listed(finished)}).");
    }

    private static string Listed(int[] seeds) => seeds.Length == 0 ? "none" : string.Join(", ", seeds);
}
