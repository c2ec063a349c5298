using Anc;
using Anc.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MyPlugin;

/// <summary>The plugin's entry point: the host creates it and registers its components through it.</summary>
public sealed class Plugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        // Component names are global in a host: the prefix keeps them apart from other plugins'.
        services.AddAncArchitecture<DenseArchitecture, DenseOptions>("myplugin-dense", "Dense layers with tanh activations.");
        services.AddAncAdversary<EavesdropperAdversary, EavesdropperOptions>("myplugin-eavesdropper", "Sees the ciphertext and guesses the plaintext.");
        services.AddAncLoss<SquaredErrorLoss, NoOptions>("myplugin-squared-error", "Mean squared error between target and estimate.");
        services.AddAncScenario<ChannelScenario, ChannelOptions>("myplugin-channel", "Alice and Bob share a key; an eavesdropper sees the ciphertext.");
    }
}
