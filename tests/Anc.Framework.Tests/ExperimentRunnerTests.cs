using System.Buffers.Binary;
using Anc.Kernels;
using Anc.Manifests;
using Anc.Testing;
using Anc.Training;
using Anc.Training.Engine;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

public sealed class ExperimentRunnerTests
{
    internal const string TinyManifest = """
        {
          "experiment": "tiny",
          "scenario": { "name": "symmetric", "options": { "bits": 4, "stopping": { "enabled": false },
                        "evaluation": { "freshEves": 2, "steps": 20, "measureEvery": 10, "heldOutExamples": 256 } } },
          "threads": 1,
          "seeds": [3, 5],
          "training": { "batchSize": 32, "maxSteps": 30, "logEvery": 10 }
        }
        """;

    [Fact]
    public void A_run_writes_the_run_directory_with_summary_last()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        ResolvedManifest manifest = services.Reader().Parse(TinyManifest, "tiny.json");
        string root = NewRunsRoot();

        RunResult result = Run(services, manifest, root);

        Assert.Equal(Path.Combine(root, "tiny"), Path.GetDirectoryName(result.RunDirectory));
        Assert.Matches(@"^\d{8}-\d{6}-[0-9a-f]{6}$", Path.GetFileName(result.RunDirectory));
        JObject resolved = JObject.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "manifest.json")));
        Assert.True(JToken.DeepEquals(manifest.ToJson(), resolved));
        JObject environment = JObject.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "environment.json")));
        Assert.StartsWith("2.10.0", (string)environment["libtorch"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)environment["threads"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)environment["cpu"]!["model"]), environment.ToString());
        // The kernels the seeds trained with, checked against float64 in this process: the
        // self-test as it holds after any routing, and the manifest's three networks.
        JToken kernels = environment["kernels"]!;
        Assert.Equal("auto", (string)kernels["setting"]!);
        JToken current = kernels["selfTestAfterRouting"]!.Type == JTokenType.Null ? kernels["selfTest"]! : kernels["selfTestAfterRouting"]!;
        Assert.Contains(current, c => ((string)c["name"]!).StartsWith("conv1d", StringComparison.Ordinal));
        Assert.All(current, c => Assert.True((bool)c["passed"]!, c.ToString()));
        Assert.Equal(["alice", "bob", "eve"], kernels["networks"]!.Select(n => ((string)n["name"]!).Split('\'')[0]));
        Assert.All(kernels["networks"]!, n => Assert.InRange((double)n["relativeError"]!, 0, KernelCheck.Tolerance));

        foreach (int seed in new[] { 3, 5 })
        {
            string seedDirectory = Path.Combine(result.RunDirectory, $"seed-{seed}");
            JObject[] metrics = File.ReadAllLines(Path.Combine(seedDirectory, "metrics.jsonl")).Select(JObject.Parse).ToArray();
            Assert.Equal([10L, 20L, 30L], metrics.Select(m => (long)m["step"]!));
            Assert.All(metrics, m => Assert.InRange((double)m["bob.bitsWrong"]!, 0, 4));
            Assert.All(metrics, m => Assert.InRange((double)m["eve.bitsWrong"]!, 0, 4));
            JObject evaluation = JObject.Parse(File.ReadAllText(Path.Combine(seedDirectory, "evaluation.json")));
            Assert.Equal(2, ((JArray)evaluation["adversaries"]!).Count);
            Assert.Equal((string)evaluation["criterion"]!, (string)JObject.Parse(File.ReadAllText(Path.Combine(seedDirectory, "outcome.json")))["criterion"]!);
            Assert.Equal(
                ["alice-bob.adam.dat", "alice.dat", "bob.dat", "checkpoint.json", "data.rng", "eve.adam.dat", "eve.dat", "torch-rng.dat"],
                Directory.GetFiles(Path.Combine(seedDirectory, "checkpoints", "final")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "summary.json")));
        Assert.Equal("tiny", (string)summary["experiment"]!);
        Assert.Equal("symmetric", (string)summary["scenario"]!);
        // The criterion the seeds were judged by, named as the scenario's defaults give it at N = 4.
        Assert.Equal("Bob at most 0.4 bits wrong and the best fresh Eve at least 1.2 bits wrong of 4, on held-out data", (string)summary["criterion"]!);
        Assert.Equal([3, 5], summary["runs"]!.Select(r => (int)r["seed"]!));
        Assert.All(summary["runs"]!, r =>
        {
            Assert.Equal(30, (int)r["steps"]!);
            Assert.Equal(4, (double)r.SelectToken("metrics.bits")!);
            Assert.NotNull(r.SelectToken("metrics['freshEve.bestBitsWrong']"));
            Assert.NotNull(r.SelectToken("metrics['bob.bitsWrong']"));
            Assert.NotNull(r.SelectToken("metrics['eve.bitsWrong']"));
        });
        Assert.Empty(Directory.GetFiles(result.RunDirectory, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_run_draws_each_seeds_figures_and_the_figures_over_seeds_as_png_and_reports_them()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        ResolvedManifest manifest = services.Reader().Parse(TinyManifest, "tiny.json");

        RunResult result = Run(services, manifest, NewRunsRoot());

        string plots = Path.Combine(result.RunDirectory, "plots");
        Assert.Equal(
            [
                "bob.bitsWrong.png", "eve.bitsWrong.png", "eve.trainingBitsWrong.png",
                "seed-3-evaluation.png", "seed-3-training.png", "seed-5-evaluation.png", "seed-5-training.png",
                "success-rate.png",
            ],
            Directory.GetFiles(plots).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string png in Directory.GetFiles(plots))
        {
            byte[] image = File.ReadAllBytes(png);
            // The PNG signature, then the IHDR chunk with the width and height, big-endian.
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], image[..8]);
            int expectedWidth = Path.GetFileName(png) == "success-rate.png" ? 450 : 900;
            Assert.Equal((expectedWidth, 540), (BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20))));
        }

        string report = File.ReadAllText(Path.Combine(result.RunDirectory, "report.md"));
        string digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(result.RunDirectory, "manifest.json"))));
        Assert.Contains($"SHA-256 `{digest}`", report, StringComparison.Ordinal);
        Assert.Contains("| bob.bitsWrong | ", report, StringComparison.Ordinal);
        Assert.Contains("| 5 | completed | ", report, StringComparison.Ordinal);
        Assert.Contains("[training](plots/seed-3-training.png)", report, StringComparison.Ordinal);
        Assert.Contains("![success-rate](plots/success-rate.png)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_writes_every_seeds_figures_as_TensorBoard_events_that_read_back()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        ResolvedManifest manifest = services.Reader().Parse(TinyManifest, "tiny.json");

        RunResult result = Run(services, manifest, NewRunsRoot());

        foreach (int seed in new[] { 3, 5 })
        {
            string[] files = Directory.GetFiles(Path.Combine(result.RunDirectory, "tensorboard", $"seed-{seed}"), "events.out.tfevents.*");
            List<(string Tag, long Step, float Value)> scalars = TensorBoardEvents.Scalars(Assert.Single(files)).ToList();
            JObject[] logged = File.ReadAllLines(Path.Combine(result.RunDirectory, $"seed-{seed}", "metrics.jsonl")).Select(JObject.Parse).ToArray();

            // Every logged training figure, at its step and value.
            foreach (JObject row in logged)
            {
                long step = (long)row["step"]!;
                Assert.Contains(scalars, s => s.Tag == "training/bob.bitsWrong" && s.Step == step && s.Value == (float)(double)row["bob.bitsWrong"]!);
            }

            Assert.Equal(3, scalars.Count(s => s.Tag == "training/bob.bitsWrong"));
            // The fresh Eves' measurements, 2 Eves x 2 measurements each.
            Assert.Equal(4, scalars.Count(s => s.Tag.StartsWith("evaluation/freshEve", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void The_same_manifest_and_seed_give_identical_metrics()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        ResolvedManifest manifest = services.Reader().Parse(TinyManifest, "tiny.json");
        string root = NewRunsRoot();

        RunResult first = Run(services, manifest, root);
        RunResult second = Run(services, manifest, root);

        Assert.NotEqual(first.RunDirectory, second.RunDirectory);
        Assert.Equal(Figures(first.RunDirectory), Figures(second.RunDirectory));
        Assert.Equal(first.Seeds.Select(s => s.Metrics), second.Seeds.Select(s => s.Metrics));
    }

    [Fact]
    public void Two_threads_splitting_large_batches_give_identical_metrics_too()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        // Batches this large make torch split its matrix products and sums between the threads.
        ResolvedManifest manifest = services.Reader().Parse(
            TinyManifest
                .Replace("\"threads\": 1,", "\"threads\": 2,", StringComparison.Ordinal)
                .Replace("\"bits\": 4,", "\"bits\": 16,", StringComparison.Ordinal)
                .Replace("\"seeds\": [3, 5],", "\"seeds\": [3],", StringComparison.Ordinal)
                .Replace("\"batchSize\": 32,", "\"batchSize\": 4096,", StringComparison.Ordinal),
            "tiny.json");
        string root = NewRunsRoot();

        RunResult first = Run(services, manifest, root);
        RunResult second = Run(services, manifest, root);

        Assert.Equal(2, manifest.Threads);
        Assert.Equal(Figures(first.RunDirectory), Figures(second.RunDirectory));
        Assert.Equal(first.Seeds.Select(s => s.Metrics), second.Seeds.Select(s => s.Metrics));
    }

    [Fact]
    public void A_seed_whose_component_throws_is_recorded_as_crashed_and_the_run_still_finishes()
    {
        using ServiceProvider services = BuiltInPlugins.Services(o => o.AddPlugin(new FaultyPlugin()));
        ResolvedManifest manifest = services.Reader().Parse(
            TinyManifest.Replace("\"threads\": 1,", "\"threads\": 1, \"parties\": { \"bob\": { \"architecture\": \"faulty\" } },", StringComparison.Ordinal),
            "tiny.json");

        RunResult result = Run(services, manifest, NewRunsRoot());

        Assert.False(result.AllSucceeded);
        Assert.All(result.Seeds, s => Assert.Equal(SeedStatus.Crashed, s.Status));
        // The plugin is this test assembly's, added in process.
        Assert.Equal(
            "plugin Anc.Framework.Tests failed in FaultyArchitecture.Build (architecture 'faulty' for bob): InvalidOperationException: Bob's network would not build.",
            result.Seeds[0].Message);
        Assert.Contains("FaultyArchitecture.Build", File.ReadAllText(Path.Combine(result.RunDirectory, "seed-3", "error.log")), StringComparison.Ordinal);
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "summary.json")));
        Assert.Equal("completed-with-crashes", (string)summary["status"]!);
        Assert.Equal(["crashed", "crashed"], summary["runs"]!.Select(r => (string)r["status"]!));
    }

    private sealed class FaultyPlugin : IAncPlugin
    {
        public void ConfigureServices(IServiceCollection services) =>
            services.AddAncArchitecture<FaultyArchitecture, Components.NoOptions>("faulty", "Throws when asked for a network.");
    }

    private sealed class FaultyArchitecture : Components.IArchitecture
    {
        public TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Build(Components.NetworkShape shape) =>
            throw new InvalidOperationException("Bob's network would not build.");
    }

    internal static string NewRunsRoot() => Directory.CreateTempSubdirectory("anc-runs-").FullName;

    /// <summary>Trains <paramref name="manifest"/> in this process into a new run under <paramref name="root"/>.</summary>
    internal static RunResult Run(ServiceProvider services, ResolvedManifest manifest, string root) =>
        services.GetRequiredService<RunEngine>().Run(manifest, new RunSettings(root), ["test"], observer: null, CancellationToken.None);

    private static string[] Figures(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "seed-3", "metrics.jsonl"))
            .Select(line => { JObject o = JObject.Parse(line); o.Remove("elapsedSeconds"); return o.ToString(); })
            .ToArray();
}
