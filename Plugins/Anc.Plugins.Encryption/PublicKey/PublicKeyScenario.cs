using Anc.Attacks;
using Anc.Ciphers;
using Anc.Components;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.PublicKey;

/// <summary>
/// The paper's public-key experiment (section 2): a key generator turns a random private key
/// into a public key; Alice encrypts plaintext P with the public key; Bob decrypts with the
/// private key; Eve sees the public key and the ciphertext, and can encrypt for herself.
/// </summary>
public sealed class PublicKeyScenario : IScenario, IAttackableScenario, IEncryptionScenario
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "public-key";

    /// <summary>The public key, a public signal.</summary>
    public const string PublicKeySignal = "publicKey";

    /// <summary>The ciphertext, a public signal.</summary>
    public const string Ciphertext = "ciphertext";

    /// <summary>Encryptions under the public key of random plaintexts, given with them: what Eve can make herself.</summary>
    public const string ChosenPlaintexts = "chosenPlaintexts";

    private readonly PublicKeyOptions _options;

    /// <summary>Creates the scenario with its options.</summary>
    public PublicKeyScenario(PublicKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<PartyRole> Parties { get; } =
    [
        new("keyGenerator", "Turns a random private key into the public key.", MixTransformArchitecture.Name, L1BitsLoss.Name),
        new("alice", "Encrypts the plaintext with the public key.", MixTransformArchitecture.Name, L1BitsLoss.Name),
        new("bob", "Decrypts the ciphertext with the private key.", MixTransformArchitecture.Name, L1BitsLoss.Name),
        new("eve", "Recovers the plaintext from what is public.", MixTransformArchitecture.Name, L1BitsLoss.Name)
        {
            DefaultAdversary = EveAdversary.PublicKeyName,
            ObservableSignals = [PublicKeySignal, Ciphertext, ChosenPlaintexts],
        },
    ];

    /// <inheritdoc />
    public SeedFootprint? EstimateFootprint(FootprintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long bits = _options.Bits;
        IReadOnlyList<string> observes = context.Adversaries.TryGetValue("eve", out IAdversary? eve) ? eve.Observes : [PublicKeySignal, Ciphertext];
        return EncryptionFootprint.Of(
            _options,
            ("keyGenerator", bits),
            ("alice", 2 * bits),
            ("bob", 2 * bits),
            ("eve", PublicKeyExperiment.EveInputWidth(_options, observes)));
    }

    /// <inheritdoc />
    public IReadOnlyList<TrainedNetwork> TrainedNetworks(FootprintContext context) => EncryptionFootprint.Trained(EstimateFootprint(context)!);

    /// <inheritdoc />
    public IEncryptionCipher CreateCipher(IReadOnlyDictionary<string, nn.Module<Tensor, Tensor>> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        return new PublicKeyCipher(networks, _options.Bits);
    }

    /// <inheritdoc />
    public string DefaultPanel => Attacks.DefaultPanel.Text;

    /// <inheritdoc />
    public IExperiment CreateExperiment(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PublicKeyExperiment(_options, context);
    }
}
