using Anc.Testing;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>Component names are global in a host: two plugins that register one name are an error naming both.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class ComponentNameClashTests(OutsideAuthor author)
{
    [Fact]
    public void Two_plugin_folders_registering_the_same_names_are_an_error_naming_both_plugins_and_folders()
    {
        // The same plugin under a second assembly name: a second plugin with the same component names.
        string plugins = Path.Combine(author.Root, "plugins-clash");
        author.BuildPlugin(author.CopyOutsidePlugins("src-clash"), "Contoso.Anc.KeyedChannel", author.Version, plugins, "-p:AssemblyName=Contoso.Anc.KeyedChannelCopy");

        (int exitCode, string output, string error) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(2), "list", "--plugins", author.Plugins, "--plugins", plugins);

        Assert.True(exitCode == 2, output + error);
        string original = Path.Combine(author.Plugins, "Contoso.Anc.KeyedChannel");
        string copy = Path.Combine(plugins, "Contoso.Anc.KeyedChannelCopy");
        Assert.Contains(
            $"architecture 'contoso-mlp' is registered by plugin 'Contoso.Anc.KeyedChannel' ({original}) and by plugin 'Contoso.Anc.KeyedChannelCopy' ({copy})",
            error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
