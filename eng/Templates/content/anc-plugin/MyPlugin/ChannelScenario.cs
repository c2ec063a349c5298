using Anc.Scenarios;

namespace MyPlugin;

/// <summary>
/// An example scenario: Alice encrypts plaintext bits with a key, Bob decrypts with the key,
/// and the eavesdropper (the role <c>eve</c>) sees only the ciphertext.
/// </summary>
public sealed class ChannelScenario(ChannelOptions options) : IScenario
{
    /// <summary>The public signal an adversary may observe.</summary>
    public const string Ciphertext = "ciphertext";

    /// <inheritdoc />
    public IReadOnlyList<PartyRole> Parties { get; } =
    [
        new("alice", "Encrypts the plaintext with the key.", "myplugin-dense", "myplugin-squared-error"),
        new("bob", "Decrypts the ciphertext with the key.", "myplugin-dense", "myplugin-squared-error"),
        new("eve", "Sees the ciphertext and guesses the plaintext.", "myplugin-dense", "myplugin-squared-error")
        {
            DefaultAdversary = "myplugin-eavesdropper",
            ObservableSignals = [Ciphertext],
        },
    ];

    /// <inheritdoc />
    public IExperiment CreateExperiment(ExperimentContext context) => new ChannelExperiment(options, context);
}
