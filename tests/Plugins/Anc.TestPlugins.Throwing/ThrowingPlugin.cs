using Anc.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.TestPlugins.Throwing;

/// <summary>
/// Registers an architecture, then throws, as a plugin with a broken configuration would: the
/// host must refuse it whole, its architecture included, and load the other plugins.
/// </summary>
public sealed class ThrowingPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAncArchitecture<ThrowingNet, NoOptions>("throwing-net", "Never registered: its plugin throws.");
        throw new InvalidOperationException("the plugin's settings are broken.");
    }
}
