using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>`dotnet new anc-plugin` makes a plugin that builds, passes its own tests, is listed and runs.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class PluginTemplateTests(OutsideAuthor author)
{
    [Fact]
    public void A_plugin_made_from_the_template_builds_passes_its_tests_and_runs_in_the_host()
    {
        author.Pack("Framework/Anc.Framework", author.Version);
        author.Pack("eng/Templates", author.Version);
        string hive = Path.Combine(author.Root, "template-hive");
        string solution = Path.Combine(author.Root, "template", "Contoso.Sample");
        string plugins = Path.Combine(author.Root, "template-plugins");
        author.Dotnet(author.Root, isolatedPackages: true,
            "new", "install", Path.Combine(author.Feed, $"Anc.Templates.{author.Version}.nupkg"), "--debug:custom-hive", hive);
        author.Dotnet(author.Root, isolatedPackages: true,
            "new", "anc-plugin", "-n", "Contoso.Sample", "-o", solution, "--packageSource", author.Feed, "--debug:custom-hive", hive);

        // The machine's package cache: the test project needs TorchSharp's CPU backend (about
        // 1.5 GB unpacked); the ANC packages of this test's version are new to any cache anyway.
        author.Dotnet(solution, isolatedPackages: false, "build", "-c", "Release", $"-p:AncPluginsDirectory={plugins}");
        using (TrainingLock.Acquire())
        {
            author.Dotnet(solution, isolatedPackages: false, "test", "-c", "Release", "--no-build");
        }

        (int listed, string list, string listError) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(2), "list", "--plugins", plugins);
        Assert.True(listed == 0, listError);
        foreach (string component in new[] { "contoso.sample-dense", "contoso.sample-eavesdropper", "contoso.sample-squared-error", "contoso.sample-channel" })
        {
            Assert.Matches($@"(?m)^  {component.Replace(".", @"\.", StringComparison.Ordinal)} +.+\[Contoso\.Sample\]$", list);
        }

        string runs = Path.Combine(author.Root, "template-runs");
        int exitCode;
        using (TrainingLock.Acquire())
        {
            (exitCode, _, _) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(5),
                "run", Path.Combine(plugins, "Contoso.Sample", "manifests", "channel.json"), "--plugins", plugins, "--output", runs, "--quiet");
        }

        // The example succeeds: Bob decrypts, a fresh eavesdropper stays at least a bit wrong of 4.
        string run = Directory.GetDirectories(Path.Combine(runs, "contoso.sample-channel")).Single();
        JToken seed = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]![0]!;
        Assert.True(exitCode == 0, seed.ToString());
        Assert.True((bool)seed["success"]!, seed.ToString());
        Assert.True((double)seed["metrics"]!["bob.bitsWrong"]! < 0.25, seed.ToString());
    }
}
