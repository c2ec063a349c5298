using Anc.Diagnostics;
using Anc.Hosting;
using Anc.Manifests;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Framework.Tests;

/// <summary>The services of a host that loaded the built-in plugins from the test's output, as anc-host does.</summary>
internal static class BuiltInPlugins
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The built-in plugins, in the order they load (their folders' names, ordinal).</summary>
    public static IReadOnlyList<string> Names { get; } = ["Anc.Plugins.Encryption", "Anc.Plugins.SelectiveProtection"];

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

    /// <summary>The lines the reader reports for <paramref name="manifest"/>, read as <c>m.json</c>; the test fails when it is valid.</summary>
    public static string[] Errors(this ManifestReader reader, string manifest) =>
        Assert.Throws<AncInputException>(() => reader.Parse(manifest, "m.json")).Diagnostics.Select(d => d.ToString()).ToArray();
}
