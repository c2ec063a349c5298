using Anc.Manifests;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Framework.Tests;

/// <summary>The services of a host that loaded the built-in plugins from the test's output, as anc-host does.</summary>
internal static class BuiltInPlugins
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static ServiceProvider Services(Action<AncOptions>? configure = null)
    {
        ServiceCollection services = new();
        services.AddAnc(options =>
        {
            options.AddPluginFolder(Folder);
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider();
    }

    public static ManifestReader Reader(this ServiceProvider services) => services.GetRequiredService<ManifestReader>();
}
