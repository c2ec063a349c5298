using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>A plugin built outside the repository from the packed packages works in the host.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class OutsidePluginTests(OutsideAuthor author)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private string KeyedChannel => Path.Combine(author.Plugins, "Contoso.Anc.KeyedChannel");

    [Fact]
    public void The_plugin_folder_holds_the_plugin_its_metadata_and_manifests_but_not_what_the_host_supplies()
    {
        Assert.True(File.Exists(Path.Combine(KeyedChannel, "Contoso.Anc.KeyedChannel.dll")));
        Assert.True(File.Exists(Path.Combine(KeyedChannel, "manifests", "keyed-channel.json")));
        JObject metadata = JObject.Parse(File.ReadAllText(Path.Combine(KeyedChannel, "anc-plugin.json")));
        Assert.Equal("Contoso.Anc.KeyedChannel", (string?)metadata["id"]);
        Assert.Equal("1.2.0", (string?)metadata["version"]);
        string abstractions = Path.Combine(AncHostProcess.RepositoryRoot, "Framework", "Anc.Abstractions", "bin", AncHostProcess.Configuration, "net10.0", "Anc.Abstractions.dll");
        Assert.Equal(System.Reflection.AssemblyName.GetAssemblyName(abstractions).Version!.ToString(), (string?)metadata["abstractionsVersion"]);
        string[] files = Directory.GetFiles(KeyedChannel).Select(Path.GetFileName).ToArray()!;
        Assert.DoesNotContain("Anc.Abstractions.dll", files);
        Assert.DoesNotContain("TorchSharp.dll", files);
        Assert.DoesNotContain(files, f => f.Contains("torch", StringComparison.OrdinalIgnoreCase) && f.EndsWith(".so", StringComparison.Ordinal));
    }

    [Fact]
    public void The_host_lists_the_plugin_with_its_id_version_folder_and_components()
    {
        (int exitCode, string output, string error) = AncHostProcess.Run(author.Root, Timeout, "list", "--plugins", author.Plugins);

        Assert.True(exitCode == 0, error);
        Assert.Contains($"Contoso.Anc.KeyedChannel 1.2.0  {KeyedChannel}", output, StringComparison.Ordinal);
        foreach (string component in new[] { "contoso-mlp", "contoso-listener", "contoso-squared-error", "contoso-keyed-channel", "contoso-sign-probe" })
        {
            Assert.Matches($@"(?m)^  {component} +.+\[Contoso\.Anc\.KeyedChannel\]$", output);
        }
    }

    [Fact]
    public void The_host_trains_the_plugin_manifest_and_Bob_learns_to_decrypt()
    {
        string runs = Path.Combine(author.Root, "runs");
        int exitCode;
        string output, error;
        using (TrainingLock.Acquire())
        {
            (exitCode, output, error) = AncHostProcess.Run(author.Root, Timeout,
                "run", Path.Combine(KeyedChannel, "manifests", "keyed-channel.json"), "--plugins", author.Plugins, "--output", runs, "--quiet");
        }

        string run = Directory.GetDirectories(Path.Combine(runs, "keyed-channel")).Single();
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        JToken seed = summary["runs"]![0]!;
        Assert.Equal("completed", (string?)seed["status"]);
        Assert.True(exitCode == ((bool)seed["success"]! ? 0 : 1), output + error);

        // Four bits: guessing gets two wrong; a Bob who learned to decrypt gets almost none.
        double bob = (double)seed["metrics"]!["bob.bitsWrong"]!;
        Assert.True(bob < 0.25, $"Bob gets {bob} of 4 bits wrong");
        Assert.Equal(600, (long)seed["steps"]!);
    }

    [Fact]
    public void The_plugins_attack_joins_a_panel_through_a_panel_file()
    {
        string folder = Directory.CreateTempSubdirectory("anc-outside-attack-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), """
            {
              "experiment": "passthrough",
              "scenario": { "name": "symmetric", "options": { "bits": 4, "stopping": { "enabled": false },
                            "evaluation": { "freshEves": 1, "steps": 10, "measureEvery": 5, "heldOutExamples": 64 } } },
              "threads": 1,
              "seeds": [0],
              "training": { "batchSize": 16, "maxSteps": 10 },
              "parties": { "alice": { "architecture": "identity-cipher" } }
            }
            """);
        File.WriteAllText(Path.Combine(folder, "panel.json"), """
            { "heldOutExamples": 1000, "attacks": { "contoso": "contoso-sign-probe", "probe": { "name": "linear-probe", "options": { "steps": 100 } } } }
            """);
        int exitCode;
        string output, error;
        using (TrainingLock.Acquire())
        {
            (exitCode, output, error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "runs", "--plugins", author.Plugins);
            Assert.True(exitCode is 0 or 1, error);
            string trained = Directory.GetDirectories(Path.Combine(folder, "runs", "passthrough")).Single();
            (exitCode, output, error) = AncHostProcess.Run(folder, Timeout, "attack", trained, "--panel", "panel.json", "--plugins", author.Plugins);
        }

        // A cipher that passes the plaintext through: the outside attack reads every bit.
        Assert.True(exitCode == 1, error + output);
        JObject report = JObject.Parse(File.ReadAllText(Path.Combine(Directory.GetDirectories(Path.Combine(folder, "runs", "passthrough")).Single(), "attack.json")));
        JToken contoso = report["seeds"]![0]!["attacks"]![0]!;
        Assert.Equal(("contoso", "contoso-sign-probe"), ((string)contoso["label"]!, (string)contoso["attack"]!));
        Assert.Equal("Contoso.Anc.KeyedChannel", (string?)report["panel"]!["attacks"]![0]!["plugin"]);
        Assert.Equal(0.0, (double)contoso["figure"]!);
        Assert.True((bool)contoso["broken"]!);
    }
}
