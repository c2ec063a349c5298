using System.Diagnostics;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class ResumeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Longer = ["--set", "training.maxSteps=2000", "--set", "training.logEvery=20", "--set", "training.checkpointEvery=100"];

    [Fact]
    public void A_run_killed_mid_training_and_resumed_writes_the_files_an_uninterrupted_run_writes()
    {
        string folder = Directory.CreateTempSubdirectory("anc-resume-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            // Somewhere after the first checkpoint, not on it.
            TrainWholeAndKilled(folder, TimeSpan.FromMilliseconds(Random.Shared.Next(0, 400)));
            string interrupted = RunFiles.RunOf(folder, "killed");
            Assert.False(File.Exists(Path.Combine(interrupted, "summary.json")), "the run finished before it was killed");
            // Resumed two seeds at a time: the seed processes resume too, with the same single thread each.
            (int resumed, string output, string resumeError) = AncHostProcess.Run(folder, Timeout, "run", "--resume", interrupted, "--parallel", "2");
            Assert.True(resumed == 1, resumeError + output);
        }

        string uninterrupted = RunFiles.RunOf(folder, "full");
        string resumedRun = RunFiles.RunOf(folder, "killed");
        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(RunFiles.Figures(uninterrupted, seed), RunFiles.Figures(resumedRun, seed));
            Assert.Equal(RunFiles.Evaluation(uninterrupted, seed), RunFiles.Evaluation(resumedRun, seed));
        }

        // TensorBoard holds each figure of each step once, as the uninterrupted run's files do,
        // although the killed process had written some of the steps the resumed seeds trained again.
        foreach (int seed in new[] { 0, 1 })
        {
            List<(string Tag, long Step)> whole = [.. Scalars(uninterrupted, seed)];
            List<(string Tag, long Step)> resumedScalars = [.. Scalars(resumedRun, seed)];
            Assert.Equal(whole.Count, whole.Distinct().Count());
            Assert.Equal(whole.Order(), resumedScalars.Order());
        }

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(resumedRun, "summary.json")));
        Assert.Equal([2000L, 2000L], summary["runs"]!.Select(r => (long)r["steps"]!));
        JObject environment = JObject.Parse(File.ReadAllText(Path.Combine(resumedRun, "environment.json")));
        Assert.Single((JArray)environment["resumes"]!);
    }

    [Fact]
    public void A_checkpoint_that_cannot_be_read_back_makes_its_seed_start_over_instead_of_crash()
    {
        string folder = Directory.CreateTempSubdirectory("anc-resume-stale-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            TrainWholeAndKilled(folder, TimeSpan.Zero);
            // As if another version of the plugin had written the optimizer's state.
            string[] states = Directory.GetFiles(Path.Combine(folder, "killed"), "alice-bob.adam.dat", SearchOption.AllDirectories);
            Assert.NotEmpty(states);
            foreach (string state in states)
            {
                File.WriteAllBytes(state, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
            }

            (int resumed, string output, string resumeError) = AncHostProcess.Run(folder, Timeout, "run", "--resume", RunFiles.RunOf(folder, "killed"));
            Assert.True(resumed == 1, resumeError + output);
        }

        // Started over from scratch, each seed trains as an uninterrupted run does.
        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(RunFiles.Figures(RunFiles.RunOf(folder, "full"), seed), RunFiles.Figures(RunFiles.RunOf(folder, "killed"), seed));
        }
    }

    [Fact]
    public void Resume_refuses_a_finished_run_a_folder_that_is_not_a_run_and_a_manifest_besides()
    {
        string folder = Directory.CreateTempSubdirectory("anc-resume-bad-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "runs");
            Assert.True(exit == 1, error);
        }

        string finished = RunFiles.RunOf(folder, "runs");
        (int again, _, string againError) = AncHostProcess.Run(folder, Timeout, "run", "--resume", finished);
        Assert.Equal(2, again);
        Assert.Equal($"{finished}: the run has finished (it has a summary.json); nothing to resume.", againError.Trim());

        (int notRun, _, string notRunError) = AncHostProcess.Run(folder, Timeout, "run", "--resume", folder);
        Assert.Equal(2, notRun);
        Assert.Contains("not a run directory", notRunError, StringComparison.Ordinal);
        Assert.Single(notRunError.Trim().Split('\n'));

        (int both, _, string bothError) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--resume", finished);
        Assert.Equal(2, both);
        Assert.Contains("not both", bothError, StringComparison.Ordinal);
    }

    /// <summary>Every scalar a seed's TensorBoard event files hold, as (tag, step).</summary>
    private static IEnumerable<(string Tag, long Step)> Scalars(string run, int seed) =>
        Directory.GetFiles(Path.Combine(run, "tensorboard", $"seed-{seed}"), "events.out.tfevents.*")
            .SelectMany(TensorBoardEvents.Scalars)
            .Select(s => (s.Tag, s.Step));

    /// <summary>
    /// Trains m.json into the runs root "full" uninterrupted, then again into "killed", killed
    /// <paramref name="afterCheckpoint"/> after its first checkpoint appears.
    /// </summary>
    private static void TrainWholeAndKilled(string folder, TimeSpan afterCheckpoint)
    {
        (int full, _, string fullError) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--quiet", "--output", "full", .. Longer]);
        Assert.True(full == 1, fullError);
        using Process killed = AncHostProcess.Begin(folder, ["run", "m.json", "--quiet", "--output", "killed", .. Longer]);
        WaitForCheckpoint(Path.Combine(folder, "killed"));
        Thread.Sleep(afterCheckpoint);
        killed.Kill();
        killed.WaitForExit();
    }

    private static void WaitForCheckpoint(string root)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.Exists(root) || !Directory.EnumerateDirectories(root, "step-*", SearchOption.AllDirectories).Any())
        {
            Assert.True(DateTime.UtcNow < giveUp, "no checkpoint was written");
            Thread.Sleep(20);
        }
    }
}
