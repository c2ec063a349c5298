using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary>Nothing in a manifest makes a run write outside &lt;output root&gt;/&lt;experiment&gt;/.</summary>
public sealed class OutputPathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("..")]
    [InlineData("../escaped")]
    [InlineData("out/../../escaped")]
    [InlineData("/tmp/anc-escaped")]
    [InlineData("C:\\anc-escaped")]
    [InlineData(".hidden")]
    [InlineData("tiny\n")]
    public void An_experiment_name_that_is_a_path_is_refused_and_nothing_is_written(string experiment)
    {
        string parent = Directory.CreateTempSubdirectory("anc-escape-").FullName;
        string folder = Directory.CreateDirectory(Path.Combine(parent, "work")).FullName;
        JObject manifest = JObject.Parse(TinyManifest.Text);
        manifest["experiment"] = experiment;
        File.WriteAllText(Path.Combine(folder, "m.json"), manifest.ToString());

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--output", "out");

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("m.json(2,", line, StringComparison.Ordinal);
        Assert.Contains(": experiment: must be 1 to 100 letters, digits,", line, StringComparison.Ordinal);
        Assert.Equal([folder], Directory.GetFileSystemEntries(parent));
        Assert.Equal([Path.Combine(folder, "m.json")], Directory.GetFileSystemEntries(folder));
        Assert.False(Directory.Exists("/tmp/anc-escaped"));
    }

    [Fact]
    public void Paths_elsewhere_in_a_manifest_are_data_and_the_run_stays_under_its_experiment()
    {
        using IDisposable turn = TrainingLock.Acquire();
        string parent = Directory.CreateTempSubdirectory("anc-escape-").FullName;
        string folder = Directory.CreateDirectory(Path.Combine(parent, "work")).FullName;
        JObject manifest = JObject.Parse(TinyManifest.Text);
        manifest["$schema"] = "../../../escaped.json";
        manifest["description"] = "/tmp/anc-escaped ../../escaped";
        manifest["seeds"] = new JArray(0);
        File.WriteAllText(Path.Combine(folder, "m.json"), manifest.ToString());

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--output", "out", "--quiet");

        Assert.True(exit is 0 or 1, $"exit {exit}\n{output}\n{error}");
        Assert.Equal([folder], Directory.GetFileSystemEntries(parent));
        Assert.Equal([Path.Combine(folder, "m.json"), Path.Combine(folder, "out")], Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
        Assert.Equal([Path.Combine(folder, "out", "tiny")], Directory.GetFileSystemEntries(Path.Combine(folder, "out")));
    }
}
