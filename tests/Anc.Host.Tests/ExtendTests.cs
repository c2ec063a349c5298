using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary><c>anc-host run --resume &lt;run&gt; --set training.maxSteps=N</c>: training a run further.</summary>
public sealed class ExtendTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private const string OnlyLimitAndThreads =
        "anc-host: run --resume keeps the run's own manifest; it takes only --set training.maxSteps=N (to train it further) and --set threads=N, once each, not --seeds or other --set paths.";

    private static readonly string[] Logged = ["--set", "training.logEvery=20", "--set", "training.checkpointEvery=100"];

    [Fact]
    public void A_finished_run_trained_further_writes_the_files_a_run_with_the_larger_limit_writes()
    {
        // Two seeds at a time, one thread each as before: the seed processes read the extended manifest from the run directory.
        string further = TrainedFurtherAsOneLongerRun([], ["--set", "threads=2", "--parallel", "2"]);

        JObject manifest = JObject.Parse(File.ReadAllText(Path.Combine(further, "manifest.json")));
        Assert.Equal(400, (int)manifest["training"]!["maxSteps"]!);
        Assert.Equal(2, (int)manifest["threads"]!);
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(further, "summary.json")));
        Assert.Equal([400L, 400L], summary["runs"]!.Select(r => (long)r["steps"]!));

        // What the run had at its old limit is kept beside it.
        JObject before = JObject.Parse(File.ReadAllText(Path.Combine(further, "limit-200", "summary.json")));
        Assert.Equal([200L, 200L], before["runs"]!.Select(r => (long)r["steps"]!));
        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(200L, (long)JObject.Parse(File.ReadAllText(Path.Combine(further, "limit-200", $"seed-{seed}", "evaluation.json")))["trainingSteps"]!);
            Assert.Equal(200L, (long)JObject.Parse(File.ReadAllText(Path.Combine(further, "limit-200", $"seed-{seed}", "outcome.json")))["steps"]!);
        }

        JObject environment = JObject.Parse(File.ReadAllText(Path.Combine(further, "environment.json")));
        Assert.Contains("training.maxSteps=400", string.Join(' ', environment["resumes"]!.Single()["commandLine"]!.Select(a => (string)a!)), StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_trained_together_are_trained_further_together_as_a_longer_run_trains_them()
    {
        string further = TrainedFurtherAsOneLongerRun(["--set", "training.seedsTogether=2"], []);
        Assert.Equal([400L, 400L], JObject.Parse(File.ReadAllText(Path.Combine(further, "summary.json")))["runs"]!.Select(r => (long)r["steps"]!));
    }

    [Fact]
    public void Seeds_the_stopping_rule_ended_keep_their_outcome_and_train_no_further()
    {
        string folder = Directory.CreateTempSubdirectory("anc-extend-stopped-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        // A rule every seed meets at once, from round 40 on.
        string[] stopEarly =
        [
            "--set", "scenario.options.stopping.enabled=true", "--set", "scenario.options.stopping.bobMaxBitsWrong=4",
            "--set", "scenario.options.stopping.eveBitsFromChance=2", "--set", "scenario.options.stopping.minSteps=40",
        ];
        string run;
        string[][] figures;
        string[] evaluations;
        using (TrainingLock.Acquire())
        {
            (int trained, _, string trainedError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--quiet", "--output", "runs", "--set", "training.maxSteps=200", .. stopEarly, .. Logged]);
            Assert.True(trained is 0 or 1, trainedError);
            run = RunFiles.RunOf(folder, "runs");
            figures = [RunFiles.Figures(run, 0), RunFiles.Figures(run, 1)];
            evaluations = [RunFiles.Evaluation(run, 0), RunFiles.Evaluation(run, 1)];
            Assert.Equal([40L, 40L], JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]!.Select(r => (long)r["steps"]!));

            (int extended, string output, string error) = AncHostProcess.Run(folder, Timeout, "run", "--resume", run, "--set", "training.maxSteps=400", "--quiet");
            Assert.True(extended == trained, error + output);
        }

        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(figures[seed], RunFiles.Figures(run, seed));
            Assert.Equal(evaluations[seed], RunFiles.Evaluation(run, seed));
            Assert.False(Directory.Exists(Path.Combine(run, "limit-200", $"seed-{seed}")));
        }

        Assert.Equal([40L, 40L], JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]!.Select(r => (long)r["steps"]!));
    }

    [Fact]
    public void Training_further_refuses_a_smaller_limit_and_any_other_change_and_leaves_the_run_as_it_was()
    {
        string folder = Directory.CreateTempSubdirectory("anc-extend-bad-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "runs");
            Assert.True(exit == 1, error);
        }

        string run = RunFiles.RunOf(folder, "runs");
        string[] before = Files(run);
        string manifest = File.ReadAllText(Path.Combine(run, "manifest.json"));
        (string[] Arguments, string Message)[] refused =
        [
            (["--set", "training.maxSteps=20"], $"{run}: --set training.maxSteps=20 does not train it further; the run's limit is 20, give a larger one."),
            (["--set", "training.maxSteps=abc"], "--set training.maxSteps=abc: training.maxSteps takes a whole number of rounds, such as 100000."),
            (["--set", "training.maxSteps=40", "--set", "threads=-1"], "--set threads=-1: threads takes a whole number of threads, such as 1 (0: one per processor)."),
            (["--set", "training.maxSteps=40", "--set", "training.maxSteps=60"], OnlyLimitAndThreads),
            (["--set", "training.batchSize=8"], OnlyLimitAndThreads),
            (["--set", "training.maxSteps=40", "--seeds", "0"], OnlyLimitAndThreads),
        ];
        foreach ((string[] arguments, string message) in refused)
        {
            (int code, _, string error) = AncHostProcess.Run(folder, Timeout, ["run", "--resume", run, .. arguments]);
            Assert.Equal(2, code);
            Assert.Equal(message, error.Trim());
        }

        Assert.Equal(before, Files(run));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(run, "manifest.json")));
    }

    /// <summary>
    /// Trains m.json for 400 rounds, and for 200 then further to 400 (resumed with
    /// <paramref name="resuming"/>), both with <paramref name="changes"/>; checks every seed's
    /// logged and evaluated figures are the same, and gives the run trained further.
    /// </summary>
    private static string TrainedFurtherAsOneLongerRun(string[] changes, string[] resuming)
    {
        string folder = Directory.CreateTempSubdirectory("anc-extend-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            (int whole, _, string wholeError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--quiet", "--output", "whole", "--set", "training.maxSteps=400", .. Logged, .. changes]);
            Assert.True(whole == 1, wholeError);
            (int shorter, _, string shorterError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--quiet", "--output", "short", "--set", "training.maxSteps=200", .. Logged, .. changes]);
            Assert.True(shorter == 1, shorterError);
            (int extended, string output, string error) = AncHostProcess.Run(
                folder, Timeout, ["run", "--resume", RunFiles.RunOf(folder, "short"), "--set", "training.maxSteps=400", "--quiet", .. resuming]);
            Assert.True(extended == 1, error + output);
        }

        string larger = RunFiles.RunOf(folder, "whole");
        string further = RunFiles.RunOf(folder, "short");
        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(RunFiles.Figures(larger, seed), RunFiles.Figures(further, seed));
            Assert.Equal(RunFiles.Evaluation(larger, seed), RunFiles.Evaluation(further, seed));
        }

        return further;
    }

    private static string[] Files(string run) =>
        [.. Directory.GetFiles(run, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal)];
}
