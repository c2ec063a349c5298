using System.Collections.Concurrent;
using System.Diagnostics;
using Anc.Manifests;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

/// <summary>The framework embedded in a generic-host service, as docs-embedding.md shows it.</summary>
public sealed class EmbeddingTests
{
    [Fact]
    public async Task A_worker_in_a_generic_host_runs_a_manifest_given_as_text_and_streams_its_metrics()
    {
        using IDisposable turn = TrainingLock.Acquire();
        string root = ExperimentRunnerTests.NewRunsRoot();
        WorkerLog log = new();
        using IHost host = BuildHost(ManifestSource.FromJson(ExperimentRunnerTests.TinyManifest, "tiny.json"), root, log);

        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(3));
        await host.RunAsync(timeout.Token);

        Assert.False(timeout.IsCancellationRequested, "the worker did not stop the host");
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(root, "tiny")));
        string[] lines = log.Lines;
        Assert.Equal(
            ["seed 3 training step 10/30", "seed 3 training step 20/30", "seed 3 training step 30/30",
             "seed 5 training step 10/30", "seed 5 training step 20/30", "seed 5 training step 30/30"],
            lines.Where(l => l.Contains(" training step ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        // The two fresh Eves train stacked (batch 32), so each report counts both Eves' steps and carries both figures.
        Assert.Contains(lines, l => l.StartsWith("seed 3 evaluation step 20/40: ", StringComparison.Ordinal)
            && l.Contains("freshEve1.bitsWrong", StringComparison.Ordinal) && l.Contains("freshEve2.bitsWrong", StringComparison.Ordinal));
        Assert.Matches($@"^run finished: [0-2] of 2 seed\(s\) succeeded; run directory {System.Text.RegularExpressions.Regex.Escape(run)}$", lines[^1]);

        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.Equal("completed", (string)summary["status"]!);
        Assert.Equal([30, 30], summary["runs"]!.Select(r => (int)r["steps"]!));
    }

    [Fact]
    public async Task Stopping_the_host_mid_run_cancels_training_within_a_round_and_the_summary_says_cancelled()
    {
        using IDisposable turn = TrainingLock.Acquire();
        const int MaxSteps = 1_000_000;
        var manifest = new
        {
            experiment = "long",
            scenario = new { name = "symmetric", options = new { bits = 4, stopping = new { enabled = false } } },
            threads = 1,
            seeds = new[] { 7 },
            training = new { batchSize = 32, maxSteps = MaxSteps, logEvery = 10 },
        };
        string root = ExperimentRunnerTests.NewRunsRoot();
        WorkerLog log = new();
        using IHost host = BuildHost(ManifestSource.FromObject(manifest), root, log);

        await host.StartAsync();
        await log.FirstMetrics.WaitAsync(TimeSpan.FromMinutes(2));
        Stopwatch stopping = Stopwatch.StartNew();
        await host.StopAsync();
        stopping.Stop();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(root, "long")));
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.Equal("cancelled", (string)summary["status"]!);
        JToken seed = Assert.Single(summary["runs"]!);
        Assert.Equal("cancelled", (string)seed["status"]!);
        Assert.InRange((long)seed["steps"]!, 10, MaxSteps / 100);
        Assert.Equal($"run cancelled: 0 of 1 seed(s) succeeded; run directory {run}", log.Lines[^1]);
    }

    [Fact]
    public async Task A_worker_given_a_bad_manifest_logs_each_mistake_as_anc_host_prints_it_and_creates_no_run()
    {
        string root = ExperimentRunnerTests.NewRunsRoot();
        WorkerLog log = new();
        using IHost host = BuildHost(
            ManifestSource.FromJson("""{ "experiment": "bad", "scenario": "symmetric", "seeds": -1 }""", "bad.json"), root, log);

        using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(1));
        await host.RunAsync(timeout.Token);

        Assert.Equal(["bad.json(1,58): seeds: a seed count must be between 1 and 10000, got -1."], log.Lines);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    private static IHost BuildHost(ManifestSource manifest, string root, WorkerLog log)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.AddAnc(options => options.AddPluginFolder(BuiltInPlugins.Folder));
        builder.Services.AddSingleton(new ExperimentJob(manifest, root));
        builder.Services.AddHostedService<ExperimentWorker>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        return builder.Build();
    }

    /// <summary>Keeps what <see cref="ExperimentWorker"/> logs, and says when its first figures arrive.</summary>
    private sealed class WorkerLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly TaskCompletionSource _firstMetrics = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string[] Lines => _lines.ToArray();

        public Task FirstMetrics => _firstMetrics.Task;

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(ExperimentWorker).FullName ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string line = formatter(state, exception);
            _lines.Enqueue(line);
            if (line.Contains(" step ", StringComparison.Ordinal))
            {
                _firstMetrics.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
