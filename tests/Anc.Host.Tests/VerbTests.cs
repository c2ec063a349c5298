using Anc.Testing;

namespace Anc.Host.Tests;

public sealed class VerbTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void List_names_the_built_in_plugin_and_its_components_by_kind()
    {
        (int exit, string output, string error) = AncHostProcess.Run(Path.GetTempPath(), Timeout, "list");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Matches(
            @"Plugins:\n  Anc\.Plugins\.Encryption \d+\.\d+\.\d+\S*  .+/plugins/Anc\.Plugins\.Encryption\n" +
            @"  Anc\.Plugins\.SelectiveProtection \d+\.\d+\.\d+\S*  .+/plugins/Anc\.Plugins\.SelectiveProtection\n",
            output);
        Assert.Matches(@"Architecture components:\n  dense .+\n  fixed-key-xor .+\n  identity-cipher .+\n  mix-transform .+\n  one-time-pad ", output);
        Assert.Matches(@"Adversary components:\n  c-eve .+\n  eve .+\n  public-key-eve ", output);
        Assert.Matches(@"Loss components:\n  l1-bits .+\n  squared-error ", output);
        Assert.Matches(@"Scenario components:\n  public-key .+\n  selective-protection .+\n  symmetric ", output);
        Assert.Matches(@"Data generator components:\n  correlated-gaussian ", output);
    }

    [Fact]
    public void Plugin_folders_may_be_given_relative_to_the_working_directory()
    {
        string hostFolder = Path.GetDirectoryName(AncHostProcess.HostAssembly)!;

        (int exit, string output, string error) = AncHostProcess.Run(hostFolder, Timeout, "list", "--plugins", "plugins");

        Assert.True(exit == 0, error);
        Assert.Single(output.Split('\n'), line => line.StartsWith("  Anc.Plugins.Encryption ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_assembly_that_is_not_a_plugin_is_refused_naming_it_and_the_built_in_plugin_still_loads()
    {
        string folder = Directory.CreateTempSubdirectory("anc-fake-plugin-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "Fake"));
        File.WriteAllText(Path.Combine(folder, "Fake", "Fake.dll"), "not an assembly");

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "list", "--plugins", ".");

        Assert.True(exit == 0, error);
        Assert.Single(output.Split('\n'), line => line.StartsWith("  Anc.Plugins.Encryption ", StringComparison.Ordinal));
        string refused = output[output.IndexOf("Refused plugins:\n", StringComparison.Ordinal)..];
        string line = Assert.Single(refused.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith($"  plugin 'Fake' ({Path.Combine(folder, "Fake")}) could not be loaded: BadImageFormatException: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; rebuild it, or remove its folder.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_shipped_manifests()
    {
        foreach (string name in new[] { "symmetric-quick.json", "symmetric-paper.json" })
        {
            (int exit, string output, _) = AncHostProcess.Run(AncHostProcess.EncryptionManifests, Timeout, "validate", name);

            Assert.Equal(0, exit);
            Assert.StartsWith($"{name}: valid: experiment '{name[..^5]}', scenario 'symmetric'", output, StringComparison.Ordinal);
        }

        string selectiveProtection = Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "manifests");
        foreach (string name in new[] { "selective-protection.json", "selective-protection-control.json" })
        {
            (int exit, string output, _) = AncHostProcess.Run(selectiveProtection, Timeout, "validate", name);

            Assert.Equal(0, exit);
            Assert.StartsWith($"{name}: valid: experiment '{name[..^5]}', scenario 'selective-protection', data 'correlated-gaussian', parties alice, bob, eve", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("list")]
    [InlineData("bench")]
    public void Every_verb_has_help(string verb)
    {
        (int exit, string output, _) = AncHostProcess.Run(Path.GetTempPath(), Timeout, verb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains($"anc-host {verb}", output, StringComparison.Ordinal);
        Assert.Contains("--plugins", output, StringComparison.Ordinal);
    }
}
