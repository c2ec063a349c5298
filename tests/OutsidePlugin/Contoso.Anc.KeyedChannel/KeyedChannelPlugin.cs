using Anc;
using Anc.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Anc.KeyedChannel;

/// <summary>A small keyed channel: Alice and Bob share a key, a listener hears the ciphertext.</summary>
public sealed class KeyedChannelPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Names are global in a host: the prefix keeps ours apart from the built-in plugins' and others'.
        services.AddAncArchitecture<MlpArchitecture, MlpOptions>("contoso-mlp", "A fully connected network with tanh activations.");
        services.AddAncAdversary<ListenerAdversary, ListenerOptions>("contoso-listener", "Hears the ciphertext and guesses the plaintext.");
        services.AddAncLoss<SquaredErrorLoss, NoOptions>("contoso-squared-error", "The mean squared error between target and estimate.");
        services.AddAncScenario<KeyedChannelScenario, KeyedChannelOptions>("contoso-keyed-channel", "Alice sends plaintext bits to Bob under a shared key; a listener tries to read them.");
        services.AddAncAttack<SignProbeAttack, NoOptions>("contoso-sign-probe", "Guesses each plaintext bit as the sign of the matching observed value.");
    }
}
