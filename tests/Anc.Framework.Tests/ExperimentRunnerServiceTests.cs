using System.Collections.Concurrent;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Observers;
using Anc.Testing;
using Anc.Training;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

/// <summary><see cref="IExperimentRunner"/>, the service an embedding application runs experiments with.</summary>
public sealed class ExperimentRunnerServiceTests
{
    [Fact]
    public async Task RunAsync_returns_at_once_and_trains_on_a_thread_of_its_own()
    {
        using IDisposable turn = TrainingLock.Acquire();
        ThreadRecorder recorder = new();
        ServiceCollection withObserver = new();
        withObserver.AddAnc(o => o.AddPluginFolder(BuiltInPlugins.Folder));
        withObserver.AddSingleton<IRunObserver>(recorder);
        using ServiceProvider observed = withObserver.BuildServiceProvider();

        Task<RunResult> running = observed.GetRequiredService<IExperimentRunner>()
            .RunAsync(ManifestSource.FromJson(ExperimentRunnerTests.TinyManifest), ExperimentRunnerTests.NewRunsRoot());
        bool returnedBeforeTheEnd = !running.IsCompleted;
        RunResult result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(returnedBeforeTheEnd);
        Assert.False(result.Cancelled);
        Assert.Equal([SeedStatus.Completed, SeedStatus.Completed], result.Seeds.Select(s => s.Status));
        Assert.NotEmpty(recorder.Threads);
        Assert.All(recorder.Threads, t => Assert.Equal("anc-run manifest", t));
    }

    [Fact]
    public async Task Bad_input_fails_the_run_and_its_event_stream_with_the_messages_anc_host_prints()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        IExperimentRunner runner = services.GetRequiredService<IExperimentRunner>();
        string root = ExperimentRunnerTests.NewRunsRoot();
        string missing = Path.Combine(root, "nowhere.json");

        AncInputException notFound = await Assert.ThrowsAsync<AncInputException>(() => runner.RunAsync(ManifestSource.FromFile(missing), root));
        ExperimentRun bad = runner.Start(ManifestSource.FromJson("""{ "experiment": "bad", "scenario": "symmetric", "seeds": -1 }""", "bad.json"), root);
        AncInputException fromEvents = await Assert.ThrowsAsync<AncInputException>(async () =>
        {
            await foreach (MetricEvent _ in bad.Events)
            {
            }
        });
        AncInputException fromCompletion = await Assert.ThrowsAsync<AncInputException>(() => bad.Completion);

        Assert.Equal($"{missing}: manifest file not found; check the path.", Assert.Single(notFound.Diagnostics).ToString());
        Assert.Equal("bad.json(1,58): seeds: a seed count must be between 1 and 10000, got -1.", Assert.Single(fromCompletion.Diagnostics).ToString());
        Assert.Same(fromCompletion, fromEvents);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Parallel_seeds_without_a_seed_process_are_refused_before_anything_is_written()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        string root = ExperimentRunnerTests.NewRunsRoot();

        AncInputException refused = await Assert.ThrowsAsync<AncInputException>(() => services.GetRequiredService<IExperimentRunner>()
            .RunAsync(ManifestSource.FromJson(ExperimentRunnerTests.TinyManifest), new RunSettings(root) { Parallel = 2 }));

        Assert.Contains("AncOptions.SeedProcess", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task A_token_cancelled_before_the_run_begins_cancels_the_task_and_writes_nothing()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        string root = ExperimentRunnerTests.NewRunsRoot();
        using CancellationTokenSource cancelled = new();
        await cancelled.CancelAsync();

        ExperimentRun run = services.GetRequiredService<IExperimentRunner>()
            .Start(ManifestSource.FromJson(ExperimentRunnerTests.TinyManifest), root, cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion);
        Assert.True(run.Completion.IsCanceled);
        Assert.Empty(await run.Events.ToListAsync());
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_manifest_object_reads_like_the_same_manifest_as_json_text()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        ManifestReader reader = services.Reader();
        JToken expected = ManifestSource.FromJson(ExperimentRunnerTests.TinyManifest).Read(reader).ToJson();
        var anonymous = new
        {
            experiment = "tiny",
            scenario = new
            {
                name = "symmetric",
                options = new { bits = 4, stopping = new { enabled = false }, evaluation = new { freshEves = 2, steps = 20, measureEvery = 10, heldOutExamples = 256 } },
            },
            threads = 1,
            seeds = new[] { 3, 5 },
            training = new { batchSize = 32, maxSteps = 30, logEvery = 10 },
        };
        ManifestPoco poco = new()
        {
            Experiment = "tiny",
            Scenario = anonymous.scenario,
            Threads = 1,
            Seeds = [3, 5],
            Training = new TrainingSection { BatchSize = 32, MaxSteps = 30, LogEvery = 10 },
        };

        Assert.True(JToken.DeepEquals(expected, ManifestSource.FromObject(anonymous).Read(reader).ToJson()));
        Assert.True(JToken.DeepEquals(expected, ManifestSource.FromObject(JObject.Parse(ExperimentRunnerTests.TinyManifest)).Read(reader).ToJson()));
        Assert.True(JToken.DeepEquals(expected, ManifestSource.FromObject(poco).Read(reader).ToJson()));
    }

    [Fact]
    public void A_manifest_object_that_is_not_an_object_is_reported_like_json_text()
    {
        using ServiceProvider services = BuiltInPlugins.Services();

        AncInputException error = Assert.Throws<AncInputException>(() => ManifestSource.FromObject(new[] { 1, 2 }, "list").Read(services.Reader()));

        Assert.Equal("list(1,1): a manifest is a JSON object, not an array.", Assert.Single(error.Diagnostics).ToString());
    }

    private sealed class ThreadRecorder : IRunObserver
    {
        private readonly ConcurrentBag<string> _threads = [];

        public IReadOnlyCollection<string> Threads => _threads;

        public void OnMetrics(MetricEvent metrics) => _threads.Add(Thread.CurrentThread.Name ?? "(unnamed)");
    }

    private sealed class ManifestPoco
    {
        public string? Experiment { get; init; }

        public object? Scenario { get; init; }

        public string? Description { get; init; }

        public int Threads { get; init; }

        public int[]? Seeds { get; init; }

        public TrainingSection? Training { get; init; }
    }

    private sealed class TrainingSection
    {
        public int BatchSize { get; init; }

        public int MaxSteps { get; init; }

        public int LogEvery { get; init; }
    }
}
