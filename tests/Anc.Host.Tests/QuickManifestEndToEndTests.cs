using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class QuickManifestEndToEndTests
{
    [Fact]
    public void The_quick_manifest_trains_Bob_to_decrypt_while_fresh_Eves_stay_near_chance()
    {
        using IDisposable turn = TrainingLock.Acquire();
        string folder = Directory.CreateTempSubdirectory("anc-e2e-").FullName;
        string manifest = Path.Combine(AncHostProcess.EncryptionManifests, "symmetric-quick.json");

        (int exit, string output, string error) = AncHostProcess.Run(folder, TimeSpan.FromMinutes(10), "run", manifest, "--output", "runs");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("seed 0 training step ", output, StringComparison.Ordinal);
        Assert.Contains("bob.bitsWrong ", output, StringComparison.Ordinal);
        Assert.Contains("seed 0 succeeded after ", output, StringComparison.Ordinal);
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(folder, "runs", "symmetric-quick")));
        foreach (string file in new[] { "manifest.json", "environment.json", "summary.json", "seed-0/metrics.jsonl", "seed-0/evaluation.json" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing");
        }

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.Equal("symmetric-quick", (string)summary["experiment"]!);
        Assert.Equal("symmetric", (string)summary["scenario"]!);
        Assert.Equal(1.0, (double)summary["successRate"]!);
        JToken seed = Assert.Single(summary["runs"]!);
        Assert.True((bool)seed["success"]!);
        Assert.True((long)seed["steps"]! > 0);
        JToken metrics = seed["metrics"]!;
        double bits = (double)metrics["bits"]!;
        Assert.True((double)metrics["bob.bitsWrong"]! <= 0.1 * bits, metrics.ToString());
        Assert.True((double)metrics["freshEve.bestBitsWrong"]! >= 0.3 * bits, metrics.ToString());
        Assert.NotNull(metrics["eve.bitsWrong"]);

        JObject first = JObject.Parse(File.ReadLines(Path.Combine(run, "seed-0", "metrics.jsonl")).First());
        Assert.NotNull(first["step"]);
        Assert.NotNull(first["bob.bitsWrong"]);
        Assert.NotNull(first["eve.bitsWrong"]);
    }
}
