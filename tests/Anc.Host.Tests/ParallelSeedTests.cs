using System.Diagnostics;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class ParallelSeedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_manifest_run_again_or_with_its_seeds_in_parallel_processes_gives_the_same_files()
    {
        string folder = Directory.CreateTempSubdirectory("anc-parallel-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            // The manifest's one thread divided by two is still one per seed: the same thread count as alone.
            (int alone, _, string aloneError) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "alone");
            Assert.True(alone == 1, aloneError);
            (int again, _, string againError) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "again");
            Assert.True(again == 1, againError);
            (int together, string output, string togetherError) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--output", "together", "--parallel", "2");
            Assert.True(together == 1, togetherError);
            Assert.Contains("seed 0 failed its criteria", output, StringComparison.Ordinal);
            Assert.Contains("seed 1 failed its criteria", output, StringComparison.Ordinal);
        }

        string first = RunFiles.RunOf(folder, "alone");
        string repeated = RunFiles.RunOf(folder, "again");
        string second = RunFiles.RunOf(folder, "together");
        JObject environment = JObject.Parse(File.ReadAllText(Path.Combine(second, "environment.json")));
        Assert.Equal(2, (int)environment["parallel"]!);
        Assert.Equal(1, (int)environment["threadsPerSeed"]!);
        foreach (int seed in new[] { 0, 1 })
        {
            Assert.Equal(RunFiles.Figures(first, seed), RunFiles.Figures(repeated, seed));
            Assert.Equal(RunFiles.Evaluation(first, seed), RunFiles.Evaluation(repeated, seed));
            Assert.Equal(RunFiles.Figures(first, seed), RunFiles.Figures(second, seed));
            Assert.Equal(RunFiles.Evaluation(first, seed), RunFiles.Evaluation(second, seed));
            Assert.True(File.Exists(Path.Combine(second, "plots", $"seed-{seed}-training.png")));
            Assert.True(Directory.EnumerateFiles(Path.Combine(second, "tensorboard", $"seed-{seed}")).Any(), "the run's TensorBoard log has the seed process's figures");
        }

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(second, "summary.json")));
        Assert.Equal([0, 1], summary["runs"]!.Select(r => (int)r["seed"]!));
        Assert.Equal(0.6576, (double)summary["successRateHigh"]!, 4);
        Assert.Equal(2, (int)summary["metrics"]!["bob.bitsWrong"]!["seeds"]!);
    }

    [Fact]
    public async Task A_seed_process_killed_mid_run_is_a_crashed_seed_and_the_other_seeds_finish()
    {
        string folder = Directory.CreateTempSubdirectory("anc-parallel-kill-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        using (TrainingLock.Acquire())
        {
            using Process run = AncHostProcess.Begin(folder, "run", "m.json", "--quiet", "--output", "runs", "--parallel", "2", "--set", "training.maxSteps=200");
            Task<string> output = run.StandardOutput.ReadToEndAsync();
            Task<string> error = run.StandardError.ReadToEndAsync();
            KillSeedProcess(seed: 1, TimeSpan.FromMinutes(1));
            using CancellationTokenSource limit = new(Timeout);
            await run.WaitForExitAsync(limit.Token);
            Assert.True(run.ExitCode == 1, await error);
            Assert.Contains("0 of 2 seed(s) succeeded", await output, StringComparison.Ordinal);
        }

        string runDirectory = RunFiles.RunOf(folder, "runs");
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(runDirectory, "summary.json")));
        Assert.Equal("completed-with-crashes", (string)summary["status"]!);
        JToken survivor = summary["runs"]!.Single(r => (int)r["seed"]! == 0);
        Assert.Equal("completed", (string)survivor["status"]!);
        Assert.Equal(200, (long)survivor["steps"]!);
        JToken killed = summary["runs"]!.Single(r => (int)r["seed"]! == 1);
        Assert.Equal("crashed", (string)killed["status"]!);
        Assert.Contains("exit code 137", (string)killed["message"]!, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(runDirectory, "seed-0", "evaluation.json")));
        Assert.False(File.Exists(Path.Combine(runDirectory, "seed-1", "outcome.json")));
    }

    /// <summary>Kills (SIGKILL) the process that trains <paramref name="seed"/> as soon as it appears.</summary>
    private static void KillSeedProcess(int seed, TimeSpan within)
    {
        DateTime giveUp = DateTime.UtcNow + within;
        while (DateTime.UtcNow < giveUp)
        {
            foreach (Process process in Process.GetProcesses())
            {
                string[] arguments = CommandLine(process.Id);
                int at = Array.IndexOf(arguments, "--seed");
                if (arguments.Contains("seed") && at > 0 && at + 1 < arguments.Length && arguments[at + 1] == seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    process.Kill();
                    return;
                }
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"no process for seed {seed} appeared");
    }

    private static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile, or is not ours to read.
            return [];
        }
    }
}
