using Anc.Ciphers;
using Anc.Components;
using Anc.Plugins.SelectiveProtection.Adversaries;
using Anc.Plugins.SelectiveProtection.Architectures;
using Anc.Plugins.SelectiveProtection.Data;
using Anc.Plugins.SelectiveProtection.Losses;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// The paper's "learning what to protect" (section 3): from A, B and C Alice emits D-public, an
/// estimate of D for everyone, and a ciphertext; Bob, with the key, improves the estimate of D;
/// Eve, from D-public and the ciphertext, tries to recover the sensitive C.
/// </summary>
public sealed class SelectiveProtectionScenario : IScenario, IProtectionScenario
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "selective-protection";

    /// <summary>The public signals Eve may observe.</summary>
    public const string DPublic = "dPublic", Ciphertext = "ciphertext";

    private readonly SelectiveProtectionOptions _options;

    /// <summary>Creates the scenario with its options.</summary>
    public SelectiveProtectionScenario(SelectiveProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<PartyRole> Parties { get; } =
    [
        new("alice", "Sees A, B, C and the key; emits D-public and the ciphertext. Her loss measures D-public's error on D.", DenseArchitecture.Name, SquaredErrorLoss.Name),
        new("bob", "Estimates D from D-public, the ciphertext and the key.", DenseArchitecture.Name, SquaredErrorLoss.Name),
        new("eve", "Estimates the sensitive C from D-public and the ciphertext.", DenseArchitecture.Name, SquaredErrorLoss.Name)
        {
            DefaultAdversary = CEveAdversary.Name,
            ObservableSignals = [DPublic, Ciphertext],
        },
    ];

    /// <inheritdoc />
    public string? DefaultDataGenerator => CorrelatedGaussianGenerator.Name;

    /// <inheritdoc />
    public SeedFootprint? EstimateFootprint(FootprintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyDictionary<string, int>? fields = context.Data?.Fields;
        string[] needed = [CorrelatedGaussianGenerator.A, CorrelatedGaussianGenerator.B, CorrelatedGaussianGenerator.C, CorrelatedGaussianGenerator.D];
        if (fields is null || !needed.All(fields.ContainsKey) || !context.Adversaries.TryGetValue("eve", out IAdversary? eve))
        {
            // The experiment refuses such data itself, with its own message, when the run starts.
            return null;
        }

        NetworkShapes shapes = new(_options, fields);
        return new SeedFootprint([new("alice", shapes.Alice), new("bob", shapes.Bob), new("eve", shapes.Eve(eve.Observes))], _options.Evaluation.HeldOutExamples)
        {
            EvaluationOption = "evaluation.heldOutExamples",
        };
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The data generator lacks a field a, b, c or d, or the manifest has no Eve: no run trained with it.</exception>
    public IReadOnlyList<TrainedNetwork> TrainedNetworks(FootprintContext context) =>
        EstimateFootprint(context) is { } footprint
            ? footprint.Networks.Select(n => new TrainedNetwork(n.Party, n.Shape, SelectiveProtectionExperiment.CheckpointFile(n.Party))).ToArray()
            : throw new InvalidOperationException($"Scenario '{Name}' needs data fields a, b, c and d and an Eve; this manifest's data generator or parties lack them.");

    /// <inheritdoc />
    public IProtectionCipher CreateProtection(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks, FootprintContext context)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(context);
        IDataGenerator data = context.Data ?? throw new InvalidOperationException($"Scenario '{Name}' needs a data generator.");
        return new SelectiveProtectionCipher(networks, new NetworkShapes(_options, data.Fields));
    }

    /// <inheritdoc />
    public IExperiment CreateExperiment(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SelectiveProtectionExperiment(_options, context);
    }
}
