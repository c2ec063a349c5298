using Anc.Scenarios;

namespace Contoso.Anc.KeyedChannel;

/// <summary>
/// Alice turns plaintext and key into a ciphertext, Bob reads the plaintext back with the key,
/// and a listener hears the ciphertext alone.
/// </summary>
public sealed class KeyedChannelScenario(KeyedChannelOptions options) : IScenario
{
    /// <summary>The signal the listener hears.</summary>
    public const string Ciphertext = "ciphertext";

    /// <inheritdoc />
    public IReadOnlyList<PartyRole> Parties { get; } =
    [
        new("alice", "Encrypts the plaintext with the key.", "contoso-mlp", "contoso-squared-error"),
        new("bob", "Decrypts the ciphertext with the key.", "contoso-mlp", "contoso-squared-error"),
        new("eve", "Hears the ciphertext and guesses the plaintext.", "contoso-mlp", "contoso-squared-error")
        {
            DefaultAdversary = "contoso-listener",
            ObservableSignals = [Ciphertext],
        },
    ];

    /// <inheritdoc />
    public IExperiment CreateExperiment(ExperimentContext context) => new KeyedChannelExperiment(options, context);
}
