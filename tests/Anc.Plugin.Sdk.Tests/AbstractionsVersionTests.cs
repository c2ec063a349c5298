using Anc.Testing;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>A plugin compiled against another major version of the contract is refused; the others still load.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class AbstractionsVersionTests(OutsideAuthor author)
{
    [Fact]
    public void A_plugin_built_against_Anc_Abstractions_1_is_refused_with_both_versions_and_the_others_load()
    {
        // Anc.Abstractions as a version 1.0.0 would be: a copy of its project and the build files
        // it needs, built apart from the repository's own output.
        string version = author.Version.Replace("0.0.0-", "1.0.0-", StringComparison.Ordinal);
        string checkout = Path.Combine(author.Root, "abstractions-1");
        foreach (string part in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "eng", "Framework/Anc.Abstractions" })
        {
            OutsideAuthor.CopyFromRepository(part, checkout, keepPath: true);
        }

        author.Dotnet(checkout, isolatedPackages: false, "pack", "Framework/Anc.Abstractions", "-c", "Release", "-o", author.Feed, $"-p:Version={version}");
        author.Pack("eng/Sdk", version);
        string source = author.CopyOutsidePlugins("src-abstractions-1");
        string plugins = Path.Combine(author.Root, "plugins-abstractions-1");
        author.BuildPlugin(source, "Contoso.Anc.KeyedChannel", version, plugins);
        string refused = Path.Combine(plugins, "Contoso.Anc.KeyedChannel");

        (int exitCode, string output, string error) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(2), "list", "--plugins", plugins);

        Assert.True(exitCode == 0, error);
        Assert.Contains(
            $"plugin 'Contoso.Anc.KeyedChannel' ({refused}) was built against Anc.Abstractions 1.0.0.0 but this host has {HostAbstractionsVersion()}",
            output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  symmetric +.+\[Anc\.Plugins\.Encryption\]$", output);
        Assert.DoesNotMatch(@"(?m)^  contoso-keyed-channel ", output);
    }

    private static string HostAbstractionsVersion() =>
        System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(Path.GetDirectoryName(AncHostProcess.HostAssembly)!, "Anc.Abstractions.dll")).Version!.ToString();
}
