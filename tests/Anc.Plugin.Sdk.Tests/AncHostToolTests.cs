using System.IO.Compression;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>`dotnet tool install --add-source &lt;packages&gt; anc-host` gives a working anc-host, from the package for this machine's platform.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class AncHostToolTests(OutsideAuthor author)
{
    [Fact]
    public void The_packed_tool_installs_lists_its_built_in_plugins_and_an_outside_one_and_trains()
    {
        // Each platform's package is packed from that platform's build; the solution's build is platform-neutral.
        foreach (string platform in new[] { "linux-x64", "win-x64", "osx-arm64" })
        {
            author.RunOnProject("Hosts/Anc.Host", "build", "-c", AncHostProcess.Configuration, "--no-restore", "-r", platform, "-p:BuildProjectReferences=false");
        }

        author.Pack("Hosts/Anc.Host", author.Version);

        // A small pointer package and one per platform, each with only its own libtorch.
        Assert.True(new FileInfo(Path.Combine(author.Feed, $"anc-host.{author.Version}.nupkg")).Length < 10_000);
        foreach ((string rid, string torch, string[] others) in new[]
        {
            ("linux-x64", "libtorch_cpu.so", new[] { ".dylib", "torch_cpu.dll" }),
            ("win-x64", "torch_cpu.dll", [".dylib", "libtorch_cpu.so"]),
            ("osx-arm64", "libtorch_cpu.dylib", [".so", "torch_cpu.dll"]),
        })
        {
            using ZipArchive package = ZipFile.OpenRead(Path.Combine(author.Feed, $"anc-host.{rid}.{author.Version}.nupkg"));
            string[] files = package.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains($"tools/net10.0/{rid}/{torch}", files);
            Assert.Contains($"tools/net10.0/{rid}/plugins/Anc.Plugins.Encryption/Anc.Plugins.Encryption.dll", files);
            Assert.DoesNotContain(files, f => others.Any(o => f.EndsWith(o, StringComparison.Ordinal)));
        }

        string tools = Path.Combine(author.Root, "tools");
        author.Dotnet(author.Root, isolatedPackages: true,
            "tool", "install", "anc-host", "--tool-path", tools, "--add-source", author.Feed, "--version", author.Version);
        string tool = Path.Combine(tools, "anc-host");

        (int listed, string list, string listError) = Run(tool, "list", "--plugins", author.Plugins);
        Assert.True(listed == 0, listError);
        Assert.Matches(@"(?m)^  Anc\.Plugins\.Encryption \S+  .*/tools/\.store/anc-host/.*/anc-host\.linux-x64/.*/plugins/Anc\.Plugins\.Encryption$", list);
        Assert.Contains("Contoso.Anc.KeyedChannel 1.2.0", list, StringComparison.Ordinal);

        // Training through the tool loads the tool's own TorchSharp native libraries.
        string runs = Path.Combine(author.Root, "tool-runs");
        using (TrainingLock.Acquire())
        {
            Run(tool, "run", Path.Combine(author.Plugins, "Contoso.Anc.KeyedChannel", "manifests", "keyed-channel.json"),
                "--plugins", author.Plugins, "--output", runs, "--quiet");
        }

        string run = Directory.GetDirectories(Path.Combine(runs, "keyed-channel")).Single();
        JToken seed = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]![0]!;
        Assert.Equal("completed", (string?)seed["status"]);
        Assert.True((double)seed["metrics"]!["bob.bitsWrong"]! < 0.25, seed.ToString());
    }

    private (int ExitCode, string Output, string Error) Run(string tool, params string[] arguments) =>
        AncHostProcess.RunProgram(tool, author.Root, TimeSpan.FromMinutes(3), arguments);
}
