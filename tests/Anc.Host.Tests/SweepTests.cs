using System.Diagnostics;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary><c>anc-host sweep</c> as a user runs it: real processes, real training, the sweep folder checked file by file.</summary>
public sealed class SweepTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_grid_sweep_trains_every_setting_and_seed_once_and_running_it_again_or_wider_trains_only_what_is_new()
    {
        string folder = Directory.CreateTempSubdirectory("anc-sweep-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "rates.json"), """{ "manifest": "m.json", "seeds": "0-1", "grid": { "training.learningRate": [0.001, 0.01] } }""");
        string sweep = Path.Combine(folder, "sweeps", "rates");
        using (TrainingLock.Acquire())
        {
            (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "rates.json", "--parallel", "2");
            Assert.True(exit == 0, error + output);
            Assert.Contains("4 trained now, 0 finished before", output, StringComparison.Ordinal);
            // In this process, one trial after another: the same figures as two at a time, each in a process of its own.
            (int inProcess, _, string inProcessError) = AncHostProcess.Run(folder, Timeout, "sweep", "rates.json", "--output", "one-by-one");
            Assert.True(inProcess == 0, inProcessError);
        }

        JObject plan = Json(Path.Combine(sweep, "sweep.json"));
        JArray trials = (JArray)plan["trials"]!;
        Assert.Equal(4, trials.Count);
        Assert.Equal(trials.Select(t => (string)t["id"]!).Order(), Directory.GetDirectories(Path.Combine(sweep, "trials")).Select(Path.GetFileName).Order());
        foreach (JToken trial in trials)
        {
            string run = Path.Combine(sweep, (string)trial["directory"]!);
            JObject manifest = Json(Path.Combine(run, "manifest.json"));
            JObject setting = (JObject)plan["settings"]!.Single(s => (string)s["id"]! == (string)trial["setting"]!);
            Assert.Equal((double)setting["overrides"]!["training.learningRate"]!, (double)manifest["training"]!["learningRate"]!);
            Assert.Equal([(int)trial["seed"]!], manifest["seeds"]!.Select(s => (int)s));
            Assert.Equal("completed", (string)Json(Path.Combine(run, "summary.json"))["status"]!);
            Assert.Equal(RunFiles.Figures(run, (int)trial["seed"]!), RunFiles.Figures(Path.Combine(folder, "one-by-one", "rates", (string)trial["directory"]!), (int)trial["seed"]!));
        }

        // The summary adds up the trials' own outcomes.
        JObject summary = Json(Path.Combine(sweep, "summary.json"));
        Assert.Equal("complete", (string)summary["status"]!);
        foreach (JToken setting in summary["settings"]!)
        {
            JObject[] outcomes = [.. trials.Where(t => (string)t["setting"]! == (string)setting["id"]!)
                .Select(t => (JObject)Json(Path.Combine(sweep, (string)t["directory"]!, "summary.json"))["runs"]![0]!)];
            Assert.Equal(2, (int)setting["finished"]!);
            Assert.Equal(outcomes.Count(o => (bool)o["success"]!), (int)setting["succeeded"]!);
            double[] bob = [.. outcomes.Select(o => (double)o["metrics"]!["bob.bitsWrong"]!).Order()];
            Assert.Equal((bob[0] + bob[1]) / 2, (double)setting["metrics"]!["bob.bitsWrong"]!["median"]!, 12);
            Assert.Contains((string)setting["id"]!, File.ReadAllText(Path.Combine(sweep, "summary.md")), StringComparison.Ordinal);
        }

        Assert.True(new FileInfo(Path.Combine(sweep, "plots", "success-rate.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(sweep, "plots", "bob.bitsWrong.png")).Length > 1000);
        // Each trial is a run the run browser shows.
        (int listed, string list, string listError) = AncHostProcess.Run(folder, Timeout, "runs", "list", Path.Combine(sweep, "trials"));
        Assert.True(listed == 0, listError);
        Assert.All(trials, t => Assert.Contains((string)t["id"]!, list, StringComparison.Ordinal));

        Dictionary<string, DateTime> written = TrialFiles(sweep);
        (int again, string againOutput, string againError) = AncHostProcess.Run(folder, Timeout, "sweep", "rates.json");
        Assert.True(again == 0, againError);
        Assert.Contains("0 trained now, 4 finished before", againOutput, StringComparison.Ordinal);
        Assert.Equal(written, TrialFiles(sweep));

        // The same sweep with its grid reordered and widened: the settings it had keep their ids, only the new one trains.
        File.WriteAllText(Path.Combine(folder, "rates.json"), """{ "manifest": "m.json", "seeds": "0-1", "grid": { "training.learningRate": [0.01, 0.004, 0.001] } }""");
        using (TrainingLock.Acquire())
        {
            (int wider, string widerOutput, string widerError) = AncHostProcess.Run(folder, Timeout, "sweep", "rates.json");
            Assert.True(wider == 0, widerError);
            Assert.Contains("2 trained now, 4 finished before", widerOutput, StringComparison.Ordinal);
        }

        Assert.All(written, file => Assert.Equal(file.Value, File.GetLastWriteTimeUtc(file.Key)));
        Assert.Equal(3, ((JArray)Json(Path.Combine(sweep, "summary.json"))["settings"]!).Count);
    }

    [Fact]
    public void A_sweep_killed_mid_trial_resumes_that_trial_from_its_checkpoint_and_keeps_the_finished_ones()
    {
        string folder = Directory.CreateTempSubdirectory("anc-sweep-kill-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "long.json"), """
            { "manifest": "m.json", "seeds": "0-1",
              "lists": [ { "training.maxSteps": 2000, "training.logEvery": 20, "training.checkpointEvery": 100 } ] }
            """);
        string killed = Path.Combine(folder, "killed", "long");
        using (TrainingLock.Acquire())
        {
            (int whole, _, string wholeError) = AncHostProcess.Run(folder, Timeout, "sweep", "long.json", "--output", "whole");
            Assert.True(whole == 0, wholeError);
            using (Process sweep = AncHostProcess.Begin(folder, "sweep", "long.json", "--output", "killed"))
            {
                // Killed once the first trial has finished and the second has a checkpoint.
                DateTime giveUp = DateTime.UtcNow.AddMinutes(2);
                while (!Directory.Exists(Path.Combine(folder, "killed"))
                    || Directory.GetFiles(Path.Combine(folder, "killed"), "summary.json", SearchOption.AllDirectories).Length < 1
                    || !Directory.EnumerateDirectories(Path.Combine(folder, "killed"), "step-*", SearchOption.AllDirectories).Any(d => !File.Exists(Path.Combine(d, "..", "..", "..", "summary.json"))))
                {
                    Assert.True(DateTime.UtcNow < giveUp, "the sweep did not reach its second trial's checkpoint");
                    Thread.Sleep(20);
                }

                sweep.Kill();
                sweep.WaitForExit();
            }

            Dictionary<string, DateTime> before = TrialFiles(killed);
            (int resumed, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "long.json", "--output", "killed");
            Assert.True(resumed == 0, error + output);
            Assert.Contains("1 trained now, 1 finished before", output, StringComparison.Ordinal);
            string finishedFirst = before.Keys.Single(f => f.EndsWith("summary.json", StringComparison.Ordinal));
            Assert.Equal(before[finishedFirst], File.GetLastWriteTimeUtc(finishedFirst));
        }

        foreach (JToken trial in Json(Path.Combine(killed, "sweep.json"))["trials"]!)
        {
            string directory = (string)trial["directory"]!;
            int seed = (int)trial["seed"]!;
            Assert.Equal(RunFiles.Figures(Path.Combine(folder, "whole", "long", directory), seed), RunFiles.Figures(Path.Combine(killed, directory), seed));
            Assert.Equal(RunFiles.Evaluation(Path.Combine(folder, "whole", "long", directory), seed), RunFiles.Evaluation(Path.Combine(killed, directory), seed));
        }

        Assert.Equal("complete", (string)Json(Path.Combine(killed, "summary.json"))["status"]!);
        Assert.Single(Json(Path.Combine(killed, "trials", $"{Json(Path.Combine(killed, "sweep.json"))["trials"]![1]!["id"]}", "environment.json"))["resumes"]!);
    }

    [Fact]
    public void A_wrong_sweep_file_is_reported_at_its_line_and_column_and_writes_nothing()
    {
        string folder = Directory.CreateTempSubdirectory("anc-sweep-bad-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "bad.json"), """
            {
              "manifest": "m.json",
              "grid": { "training.batchSize": [16, -3], "parties.eve.architecture.options.variant": ["paper", "nope"] },
              "lists": [ { "seeds": [1] } ],
              "seed": 1
            }
            """);
        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "bad.json");
        Assert.Equal(2, exit);
        Assert.Empty(output.Trim());
        string[] lines = error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("bad.json(4,16): lists[0].seeds: a sweep's seeds are its own field \"seeds\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("bad.json(5,3): seed: unknown field 'seed'", lines[1], StringComparison.Ordinal);

        // Once the file itself is right, each setting's values are checked against the manifest, located in the sweep file.
        File.WriteAllText(Path.Combine(folder, "bad.json"), """
            {
              "manifest": "m.json",
              "grid": { "training.batchSize": [16, -3], "parties.eve.architecture.options.variant": ["paper", "nope"] }
            }
            """);
        (exit, output, error) = AncHostProcess.Run(folder, Timeout, "sweep", "bad.json");
        Assert.Equal(2, exit);
        Assert.Equal(
            [
                "bad.json(3,40): training.batchSize: must be between 1 and 2147483647, got -3.",
                "bad.json(3,99): parties.eve.architecture.options.variant: 'nope' is not one of 'paper', 'reference'.",
            ],
            error.Trim().Split('\n').Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "sweeps")), "a wrong sweep left a folder");
    }

    private static JObject Json(string path) => JObject.Parse(File.ReadAllText(path));

    /// <summary>Every file of every trial, with when it was last written.</summary>
    private static Dictionary<string, DateTime> TrialFiles(string sweep) =>
        Directory.GetFiles(Path.Combine(sweep, "trials"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
}
