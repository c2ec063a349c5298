using System.Diagnostics;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class SeedsTogetherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly int[] Seeds = [0, 1, 2];

    private static readonly string[] Settings =
        ["--quiet", "--set", "seeds=[0,1,2]", "--set", "training.maxSteps=600", "--set", "training.logEvery=20", "--set", "training.checkpointEvery=50"];

    private static readonly string[] Together = ["--set", "training.seedsTogether=3"];

    [Fact]
    public void Seeds_trained_together_leave_the_files_each_seed_leaves_alone()
    {
        string folder = Folder("anc-together-");
        using (TrainingLock.Acquire())
        {
            Run(folder, ["run", "m.json", "--output", "alone", .. Settings]);
            Run(folder, ["run", "m.json", "--output", "together", .. Settings, .. Together]);
        }

        string alone = RunFiles.RunOf(folder, "alone");
        string together = RunFiles.RunOf(folder, "together");
        foreach (int seed in Seeds)
        {
            AssertClose(RunFiles.Numbers(alone, seed), RunFiles.Numbers(together, seed), $"seed {seed}");
            // A final checkpoint in the seed's own format, as alone: what resume and later tools read.
            Assert.Equal(
                Directory.GetFiles(Path.Combine(alone, $"seed-{seed}", "checkpoints", "final")).Select(Path.GetFileName).Order(),
                Directory.GetFiles(Path.Combine(together, $"seed-{seed}", "checkpoints", "final")).Select(Path.GetFileName).Order());
        }

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(together, "summary.json")));
        Assert.Equal(Seeds.Select(s => (long)s), summary["runs"]!.Select(r => (long)r["seed"]!));
        Assert.All(summary["runs"]!, r => Assert.Equal(600L, (long)r["steps"]!));
    }

    [Fact]
    public void A_run_of_seeds_together_killed_and_resumed_writes_the_files_an_uninterrupted_one_writes()
    {
        string folder = Folder("anc-together-resume-");
        using (TrainingLock.Acquire())
        {
            Run(folder, ["run", "m.json", "--output", "full", .. Settings, .. Together]);
            using (Process killed = AncHostProcess.Begin(folder, ["run", "m.json", "--output", "killed", .. Settings, .. Together]))
            {
                DateTime giveUp = DateTime.UtcNow.AddMinutes(2);
                string root = Path.Combine(folder, "killed");
                // Killed once every seed has a checkpoint to resume from, mid-run.
                while (!Directory.Exists(root) || Directory.GetDirectories(root, "step-*", SearchOption.AllDirectories).Length < Seeds.Length)
                {
                    Assert.True(DateTime.UtcNow < giveUp, "no checkpoints were written");
                    Thread.Sleep(20);
                }

                killed.Kill();
                killed.WaitForExit();
            }

            Assert.False(File.Exists(Path.Combine(RunFiles.RunOf(folder, "killed"), "summary.json")), "the run finished before it was killed");
            Run(folder, "run", "--resume", RunFiles.RunOf(folder, "killed"));
        }

        foreach (int seed in Seeds)
        {
            Assert.Equal(RunFiles.Figures(RunFiles.RunOf(folder, "full"), seed), RunFiles.Figures(RunFiles.RunOf(folder, "killed"), seed));
            Assert.Equal(RunFiles.Evaluation(RunFiles.RunOf(folder, "full"), seed), RunFiles.Evaluation(RunFiles.RunOf(folder, "killed"), seed));
        }
    }

    [Fact]
    public void Seeds_together_where_they_cannot_be_are_refused_before_any_run_directory()
    {
        string folder = Folder("anc-together-refused-");
        File.Copy(Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "manifests", "selective-protection.json"), Path.Combine(folder, "sp.json"));

        (int scenario, _, string scenarioError) = AncHostProcess.Run(folder, Timeout, "run", "sp.json", "--output", "out", "--set", "training.seedsTogether=2");
        Assert.Equal(2, scenario);
        // The override is where the value came from, so the message points there.
        Assert.Equal("--set training.seedsTogether=2: training.seedsTogether: scenario 'selective-protection' cannot train seeds together; set it to 1.", scenarioError.Trim());

        (int party, _, string partyError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--output", "out", "--set", "parties.eve.architecture=dense", .. Together]);
        Assert.Equal(2, party);
        Assert.Contains("training.seedsTogether: seeds are trained together only with 'mix-transform' networks", partyError, StringComparison.Ordinal);
        Assert.Contains("eve has others; set it to 1", partyError, StringComparison.Ordinal);
        Assert.Single(partyError.Trim().Split('\n'));

        (int parallel, _, string parallelError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--output", "out", "--parallel", "2", .. Together]);
        Assert.Equal(2, parallel);
        Assert.Equal("parallel 2 with training.seedsTogether 3: seeds trained together share one process; set one of them to 1.", parallelError.Trim());
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    private static string Folder(string prefix)
    {
        string folder = Directory.CreateTempSubdirectory(prefix).FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        return folder;
    }

    private static void Run(string folder, params string[] arguments)
    {
        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, arguments);
        // The tiny manifest teaches Bob nothing: the seeds complete without succeeding (exit 1).
        Assert.True(exit == 1, $"exit {exit}: {error}{output}");
    }

    private static void AssertClose(IReadOnlyList<(string Path, double Value)> expected, IReadOnlyList<(string Path, double Value)> actual, string what)
    {
        Assert.Equal(expected.Select(e => e.Path), actual.Select(a => a.Path));
        foreach (((string path, double value), (_, double other)) in expected.Zip(actual))
        {
            Assert.True(Math.Abs(value - other) <= 1e-4 * Math.Max(1, Math.Abs(value)), $"{what}, {path}: alone {value}, together {other}");
        }
    }
}
