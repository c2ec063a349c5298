using Anc.Testing;

namespace Anc.Host.Tests;

public sealed class RefusedPluginTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static string Refusal => $"plugin 'Anc.TestPlugins.Throwing' ({AncHostProcess.ThrowingPluginFolder}) failed in ConfigureServices: " +
        "InvalidOperationException: the plugin's settings are broken; it was left out: fix the plugin, or remove it.";

    [Fact]
    public void List_shows_a_plugin_that_throws_in_ConfigureServices_as_refused_next_to_the_built_in_plugin()
    {
        (int exit, string output, string error) = AncHostProcess.Run(Path.GetTempPath(), Timeout, "list", "--plugins", AncHostProcess.ThrowingPluginFolder);

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"Plugins:\n  Anc\.Plugins\.Encryption \d+\.\d+\.\d+\S*  .+/plugins/Anc\.Plugins\.Encryption\n  Anc\.Plugins\.SelectiveProtection .+\n\n", output);
        Assert.Matches(@"Scenario components:\n  public-key .+\n  selective-protection .+\n  symmetric ", output);
        Assert.EndsWith($"Refused plugins:\n  {Refusal}\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("throwing-net", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_warns_about_a_refused_plugin_and_accepts_a_manifest_of_the_built_in_plugin()
    {
        (int exit, string output, string error) = AncHostProcess.Run(
            AncHostProcess.EncryptionManifests, Timeout, "validate", "symmetric-quick.json", "--plugins", AncHostProcess.ThrowingPluginFolder);

        Assert.True(exit == 0, error);
        Assert.Equal([$"warning: {Refusal}"], Lines(error));
        Assert.StartsWith("symmetric-quick.json: valid: experiment 'symmetric-quick'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_naming_a_component_of_a_refused_plugin_exits_2_and_the_error_mentions_the_refusal()
    {
        string folder = Directory.CreateTempSubdirectory("anc-refused-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), """
            { "experiment": "m", "scenario": "symmetric",
              "parties": { "bob": { "architecture": "throwing-net" } } }
            """);

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--plugins", AncHostProcess.ThrowingPluginFolder, "--output", "out");

        Assert.Equal(2, exit);
        Assert.Equal(
            [
                $"warning: {Refusal}",
                "m.json(2,41): parties.bob.architecture: unknown architecture 'throwing-net'; known: dense, fixed-key-xor, identity-cipher, mix-transform, one-time-pad; " +
                "1 plugin(s) were refused and may have provided it: 'Anc.TestPlugins.Throwing' (see the plugin warnings).",
            ],
            Lines(error));
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
