using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class OverrideTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Run_applies_set_and_seeds_and_the_run_directory_shows_the_result()
    {
        string folder = Directory.CreateTempSubdirectory("anc-override-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        int exit;
        string error;
        using (TrainingLock.Acquire())
        {
            (exit, _, error) = AncHostProcess.Run(folder, Timeout,
                "run", "m.json", "--quiet", "--output", "out", "--seeds", "1-2", "--set", "training.maxSteps=10", "--set", "parties.eve.architecture.options.variant=reference");
        }

        Assert.True(exit is 0 or 1, error);
        string run = Directory.GetDirectories(Path.Combine(folder, "out", "tiny")).Single();
        JObject manifest = JObject.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")));
        Assert.Equal([1, 2], manifest["seeds"]!.Select(s => (int)s));
        Assert.Equal(10, (int)manifest.SelectToken("training.maxSteps")!);
        Assert.Equal("reference", (string?)manifest.SelectToken("parties.eve.architecture.options.variant"));
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.All(summary["runs"]!, r => Assert.Equal(10, (int)r["steps"]!));
    }

    [Fact]
    public void A_bad_override_is_one_line_naming_it_with_exit_2_and_nothing_written()
    {
        string folder = Directory.CreateTempSubdirectory("anc-override-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout,
            "run", "m.json", "--output", "out", "--set", "training.batchSize=many", "--seeds", "0-3");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("--set training.batchSize=many: training.batchSize: expected an integer, got the string \"many\".", error.TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }
}
