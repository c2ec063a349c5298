using System.Diagnostics;
using Anc.Testing;

namespace Anc.Host.Tests;

public sealed class RunBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Runs_list_show_and_compare_tell_a_finished_run_from_one_that_was_killed()
    {
        string folder = Directory.CreateTempSubdirectory("anc-runs-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            // A finished run whose seeds fail their criteria (20 steps teach Bob nothing).
            (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "runs");
            Assert.True(exit == 1, error);
            KillMidTraining(folder);
        }

        string[] runs = Directory.GetDirectories(Path.Combine(folder, "runs", "tiny")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, runs.Length);

        (int listed, string list, string listError) = AncHostProcess.Run(folder, Timeout, "runs", "list", "runs");
        Assert.True(listed == 0, listError);
        Assert.Matches(@$"(?m)^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d  tiny +2 +0  completed +{Escaped(runs[0])}$", list);
        Assert.Matches(@$"(?m)^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d  tiny +2 +-  killed +{Escaped(runs[1])}$", list);

        (int shown, string show, _) = AncHostProcess.Run(folder, Timeout, "runs", "show", runs[0]);
        Assert.Equal(0, shown);
        Assert.Contains("success rate 0 (0 of 2), 95% interval 0 to 0.6576", show, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  bob\.bitsWrong +[\d.]+ +[\d.]+ +[\d.]+  2$", show);

        (int compared, string compare, _) = AncHostProcess.Run(folder, Timeout, "runs", "compare", runs[0], runs[1]);
        Assert.Equal(0, compared);
        Assert.Matches(@"(?m)^status +completed +killed$", compare);
        Assert.Matches(@"(?m)^bob\.bitsWrong \(median\) +[\d.]+ +-$", compare);

        (int missing, _, string missingError) = AncHostProcess.Run(folder, Timeout, "runs", "show", Path.Combine(folder, "m.json"));
        Assert.Equal(2, missing);
        Assert.Contains("is not a run directory", missingError, StringComparison.Ordinal);
    }

    /// <summary>Starts a long run and kills it (SIGKILL) once it has trained for a while: no summary is ever written.</summary>
    private static void KillMidTraining(string folder)
    {
        using Process process = AncHostProcess.Begin(folder, "run", "m.json", "--quiet", "--output", "runs", "--set", "training.maxSteps=10000000");
        DateTime giveUp = DateTime.UtcNow.AddMinutes(1);
        while (!Directory.EnumerateFiles(Path.Combine(folder, "runs"), "metrics.jsonl", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0 && !f.Contains(FinishedRun(folder), StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < giveUp, "the long run never started training");
            Thread.Sleep(200);
        }

        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private static string FinishedRun(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "runs"), "summary.json", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Single()!;

    private static string Escaped(string path) => System.Text.RegularExpressions.Regex.Escape(path);
}
