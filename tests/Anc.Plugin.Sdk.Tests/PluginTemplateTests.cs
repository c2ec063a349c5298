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
        string output, error;
        using (TrainingLock.Acquire())
        {
            // Four seeds, two at a time: the example's margins belong to its settings, not to one seed's luck.
            (exitCode, output, error) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(5),
                "run", Path.Combine(plugins, "Contoso.Sample", "manifests", "channel.json"), "--plugins", plugins, "--output", runs, "--quiet",
                "--seeds", "0-3", "--parallel", "2");
        }

        // The example succeeds on every seed: Bob well below the 0.5 bits wrong of 4 it allows, a
        // fresh eavesdropper above the 1.0 she must stay (seeds 0-31 measured on an Intel Xeon
        // with AVX-512: Bob 0.09 at worst, the eavesdropper 1.20 at worst, 1.37 over seeds 0-3).
        // Another CPU's rounding gives another trajectory, as another seed does, so the bounds are
        // ones that every seed measured keeps, not one seed's figures.
        string run = Directory.GetDirectories(Path.Combine(runs, "contoso.sample-channel")).Single();
        JToken[] seeds = [.. JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]!];
        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}{error}{string.Join('\n', seeds.Select(s => s.ToString()))}");
        Assert.Equal([0, 1, 2, 3], seeds.Select(s => (int)s["seed"]!));
        foreach (JToken seed in seeds)
        {
            Assert.True((bool)seed["success"]!, seed.ToString());
            Assert.True((double)seed["metrics"]!["bob.bitsWrong"]! <= 0.25, seed.ToString());
            Assert.True((double)seed["metrics"]!["freshEve.bitsWrong"]! >= 1.0, seed.ToString());
        }
    }
}
