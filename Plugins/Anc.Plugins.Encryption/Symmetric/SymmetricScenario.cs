using Anc.Attacks;
using Anc.Ciphers;
using Anc.Components;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>
/// The paper's symmetric experiment (section 2): Alice encrypts plaintext P with key K into
/// ciphertext C; Bob decrypts C with K; Eve sees C only.
/// </summary>
public sealed class SymmetricScenario : IScenario, ISeedBatchScenario, IAttackableScenario, IEncryptionScenario
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "symmetric";

    /// <summary>The public signal Eve may observe.</summary>
    public const string Ciphertext = "ciphertext";

    private readonly SymmetricOptions _options;

    /// <summary>Creates the scenario with its options.</summary>
    public SymmetricScenario(SymmetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<PartyRole> Parties { get; } =
    [
        new("alice", "Encrypts the plaintext with the key into the ciphertext.", "mix-transform", "l1-bits"),
        new("bob", "Decrypts the ciphertext with the key.", "mix-transform", "l1-bits"),
        new("eve", "Eavesdrops: recovers the plaintext from the ciphertext alone.", "mix-transform", "l1-bits")
        {
            DefaultAdversary = "eve",
            ObservableSignals = [Ciphertext],
        },
    ];

    /// <inheritdoc />
    public SeedFootprint? EstimateFootprint(FootprintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long bits = _options.Bits;
        int observed = context.Adversaries.TryGetValue("eve", out IAdversary? eve) ? eve.Observes.Count : 1;
        return EncryptionFootprint.Of(_options, ("alice", 2 * bits), ("bob", 2 * bits), ("eve", observed * bits));
    }

    /// <inheritdoc />
    public IReadOnlyList<TrainedNetwork> TrainedNetworks(FootprintContext context) => EncryptionFootprint.Trained(EstimateFootprint(context)!);

    /// <inheritdoc />
    public IEncryptionCipher CreateCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        return new SymmetricCipher(networks, _options.Bits);
    }

    /// <inheritdoc />
    public string DefaultPanel => Attacks.DefaultPanel.Text;

    /// <inheritdoc />
    public IExperiment CreateExperiment(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SymmetricExperiment(_options, context);
    }

    /// <inheritdoc />
    public string? WhyNotTogether(IReadOnlyDictionary<string, Party> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (StackedSymmetricExperiment.WhyNot(parties) is { } reason)
        {
            return reason;
        }

        // Only band matrix products stack: a convolution too wide for one is refused now, not mid-run.
        foreach ((string name, int inputWidth) in new[] { ("alice", 2 * _options.Bits), ("bob", 2 * _options.Bits), ("eve", _options.Bits) })
        {
            using MixTransformNetwork network = (MixTransformNetwork)parties[name].Architecture.Build(new NetworkShape(inputWidth, _options.Bits));
            try
            {
                StackedMixTransformNetwork.Stack([network]).Dispose();
            }
            catch (NotSupportedException e)
            {
                return $"{name}'s networks cannot be stacked: {e.Message}";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public ISeedBatch CreateSeedBatch(IReadOnlyList<IExperiment> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        SymmetricExperiment[] symmetric = seeds.OfType<SymmetricExperiment>().ToArray();
        return symmetric.Length == seeds.Count
            ? new StackedSymmetricExperiment(_options, symmetric)
            : throw new NotSupportedException("Seeds are trained together only from experiments the symmetric scenario created.");
    }
}
