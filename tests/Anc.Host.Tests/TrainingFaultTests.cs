using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class TrainingFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_network_that_turns_NaN_stops_its_seed_as_diverged_naming_the_step_the_figure_and_its_party()
    {
        (int exit, string output, string error, string run) = RunWithFaultyParty("alice", "nan");

        Assert.True(exit == 1, error);
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        // Alice's forward passes 1-10 are whole (3 a round: Bob's minibatch and Eve's two); the 11th, Eve's first in round 4, is NaN.
        Assert.All(summary["runs"]!, seed =>
        {
            Assert.Equal("diverged", (string)seed["status"]!);
            Assert.Equal(4, (long)seed["steps"]!);
            Assert.Equal("diverged at step 4: eve.trainingBitsWrong is NaN (party eve)", (string)seed["message"]!);
        });
        Assert.Equal([0, 1], summary["runs"]!.Select(r => (int)r["seed"]!));
        Assert.Contains("seed 1 diverged after 4 steps: diverged at step 4", output, StringComparison.Ordinal);
        // The diverged round is logged, so the figures show where it happened.
        Assert.Equal(4L, (long)JObject.Parse(File.ReadAllLines(Path.Combine(run, "seed-0", "metrics.jsonl"))[^1])["step"]!);
    }

    [Fact]
    public void An_exception_in_a_plugin_network_ends_the_seed_with_one_line_naming_the_plugin_and_component_and_the_trace_in_its_log()
    {
        (int exit, string output, string error, string run) = RunWithFaultyParty("bob", "throw");

        Assert.True(exit == 1, error);
        const string Message = "plugin Anc.TestPlugins.Faulty failed in FaultyNetwork.forward (architecture 'faulty' for bob): InvalidOperationException: the faulty network failed on purpose at forward pass 11.";
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.All(summary["runs"]!, seed =>
        {
            Assert.Equal("crashed", (string)seed["status"]!);
            Assert.Equal(Message, (string)seed["message"]!);
        });
        Assert.Contains($"seed 0 crashed after 10 steps: {Message}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Contains("at Anc.TestPlugins.Faulty.FaultyNetwork.forward", File.ReadAllText(Path.Combine(run, "seed-0", "error.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_network_computes_wrong_float32_gradients_here_is_refused_in_one_line_before_anything_is_written()
    {
        string folder = Directory.CreateTempSubdirectory("anc-fault-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);

        (int exit, string output, string error) = AncHostProcess.Run(
            folder, Timeout, "run", "m.json", "--output", "runs", "--plugins", AncHostProcess.FaultyPluginFolder,
            "--set", "parties.bob.architecture={\"name\": \"faulty\", \"options\": { \"fault\": \"wrongGradient\" }}");

        Assert.True(exit == 2, output + error);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("bob's network (faulty, 8->4) computes wrong float32 gradients on this machine", line, StringComparison.Ordinal);
        Assert.Contains("anc-host doctor", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")), "nothing is written");
    }

    [Fact]
    public void An_observer_a_plugin_registers_that_throws_is_reported_once_with_its_plugin_and_left_out_and_the_seed_goes_on()
    {
        string folder = Directory.CreateTempSubdirectory("anc-fault-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        (int exit, string output, string error) result;
        using (TrainingLock.Acquire())
        {
            result = AncHostProcess.Run(
                folder, Timeout, "run", "m.json", "--output", "runs", "--plugins", AncHostProcess.FaultyPluginFolder, "--seeds", "0-1", "--set", "experiment=observer-fault");
        }

        string all = result.output + result.error;
        Assert.True(result.exit is 0 or 1, all);
        string warning = Assert.Single(all.Split('\n'), line => line.Contains("FaultyObserver", StringComparison.Ordinal));
        Assert.Contains("observer FaultyObserver of plugin 'Anc.TestPlugins.Faulty' threw InvalidOperationException: the faulty observer fails on purpose; it is left out", warning, StringComparison.Ordinal);
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(Directory.GetDirectories(Path.Combine(folder, "runs", "observer-fault")).Single(), "summary.json")));
        Assert.All(summary["runs"]!, seed => Assert.Equal("completed", (string)seed["status"]!));
        Assert.Equal(2, summary["runs"]!.Count());
    }

    private static (int Exit, string Output, string Error, string Run) RunWithFaultyParty(string party, string fault)
    {
        string folder = Directory.CreateTempSubdirectory("anc-fault-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        (int exit, string output, string error) result;
        using (TrainingLock.Acquire())
        {
            result = AncHostProcess.Run(
                folder, Timeout, "run", "m.json", "--output", "runs", "--plugins", AncHostProcess.FaultyPluginFolder,
                "--set", $"parties.{party}.architecture={{\"name\": \"faulty\", \"options\": {{ \"fault\": \"{fault}\" }}}}");
        }

        return (result.exit, result.output, result.error, Directory.GetDirectories(Path.Combine(folder, "runs", "tiny")).Single());
    }
}
