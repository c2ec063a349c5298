using Anc.Components;
using Anc.Kernels;
using Anc.Manifests;
using Anc.Observers;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Training.Engine;

/// <summary>Turns a resolved manifest into a scenario, its parties and its data generator, each component created fresh.</summary>
public sealed class ExperimentComposer
{
    private readonly ComponentFactory _factory;
    private readonly KernelGuard _kernels;

    /// <summary>Creates a composer; <paramref name="kernels"/> checks each manifest's networks before its first experiment in this process.</summary>
    public ExperimentComposer(ComponentFactory factory, KernelGuard kernels)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(kernels);
        _factory = factory;
        _kernels = kernels;
    }

    /// <summary>
    /// Creates the scenario, every party and the data generator of <paramref name="manifest"/>;
    /// the data generator is <see langword="null"/> for a scenario that makes its own data.
    /// </summary>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public (IScenario Scenario, IReadOnlyDictionary<string, Party> Parties, IDataGenerator? Data) Compose(ResolvedManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        IScenario scenario = _factory.Create<IScenario>(manifest.Scenario);
        Dictionary<string, Party> parties = manifest.Parties.ToDictionary(p => p.Role.Name, _factory.CreateParty);
        IDataGenerator? data = manifest.Data is null ? null : _factory.Create<IDataGenerator>(manifest.Data);
        return (scenario, parties, data);
    }

    /// <summary>
    /// Creates seed <paramref name="seed"/>'s experiment of <paramref name="manifest"/> as a run
    /// trains it: torch's generator seeded first (initial weights come from it; the scenario
    /// seeds its own data streams), then every component created fresh and the scenario's
    /// experiment built on <paramref name="device"/>. The caller disposes it.
    /// </summary>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    /// <exception cref="Diagnostics.AncInputException">The manifest's networks compute wrong gradients on this machine (<see cref="KernelGuard"/>).</exception>
    public IExperiment CreateExperiment(ResolvedManifest manifest, int seed, Device device, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _kernels.Check(manifest, device);
        torch.random.manual_seed(seed);
        (IScenario scenario, IReadOnlyDictionary<string, Party> parties, IDataGenerator? data) = Compose(manifest);
        return scenario.CreateExperiment(new ExperimentContext(seed, device, manifest.Training, parties, progress, cancellationToken, data));
    }

    /// <summary>
    /// Stacks <paramref name="seeds"/>, experiments of <paramref name="manifest"/> made by
    /// <see cref="CreateExperiment"/> (and perhaps restored, all after the same round), to train
    /// together (<see cref="ISeedBatchScenario"/>). The caller disposes the batch, then the experiments.
    /// </summary>
    /// <exception cref="NotSupportedException">The scenario, or its parties' components, cannot train seeds together.</exception>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public ISeedBatch CreateSeedBatch(ResolvedManifest manifest, IReadOnlyList<IExperiment> seeds)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(seeds);
        return _factory.Create<IScenario>(manifest.Scenario) is ISeedBatchScenario batching
            ? batching.CreateSeedBatch(seeds)
            : throw new NotSupportedException($"Scenario '{manifest.Scenario.Descriptor.Name}' cannot train seeds together.");
    }

    /// <summary>
    /// Creates <paramref name="seeds"/>' experiments of <paramref name="manifest"/>, each as
    /// <see cref="CreateExperiment"/> does, and stacks them to train together. The caller disposes the group.
    /// </summary>
    /// <exception cref="NotSupportedException">The scenario, or its parties' components, cannot train seeds together.</exception>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public SeedGroup CreateSeedGroup(ResolvedManifest manifest, IReadOnlyList<int> seeds, Device device, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(seeds);
        List<IExperiment> experiments = [];
        try
        {
            foreach (int seed in seeds)
            {
                experiments.Add(CreateExperiment(manifest, seed, device, progress, cancellationToken));
            }

            return new SeedGroup(experiments, CreateSeedBatch(manifest, experiments));
        }
        catch
        {
            experiments.ForEach(e => e.Dispose());
            throw;
        }
    }
}
