using Anc.Diagnostics;
using Anc.Sweeps;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Framework.Tests;

public sealed class SweepReaderTests : IDisposable
{
    private const string Base = """
        { "experiment": "tiny", "scenario": { "name": "symmetric", "options": { "bits": 4 } }, "seeds": [0, 1, 2], "training": { "batchSize": 16, "maxSteps": 20 } }
        """;

    private readonly ServiceProvider _services = BuiltInPlugins.Services();
    private readonly string _folder = Directory.CreateTempSubdirectory("anc-sweep-reader-").FullName;

    public SweepReaderTests()
    {
        File.WriteAllText(Path.Combine(_folder, "base.json"), Base);
    }

    [Fact]
    public void The_grid_varies_its_last_path_fastest_and_each_point_takes_each_list_with_every_seed()
    {
        SweepPlan plan = Read("""
            { "manifest": "base.json", "seeds": "4-5",
              "grid": { "training.learningRate": [0.001, 0.01], "training.batchSize": [16, 32] },
              "lists": [ {}, { "scenario.options.bits": 8 } ] }
            """);

        Assert.Equal("s", plan.Name);
        Assert.Equal(
            [
                "training.learningRate=0.001, training.batchSize=16", "training.learningRate=0.001, training.batchSize=16, scenario.options.bits=8",
                "training.learningRate=0.001, training.batchSize=32", "training.learningRate=0.001, training.batchSize=32, scenario.options.bits=8",
                "training.learningRate=0.01, training.batchSize=16", "training.learningRate=0.01, training.batchSize=16, scenario.options.bits=8",
                "training.learningRate=0.01, training.batchSize=32", "training.learningRate=0.01, training.batchSize=32, scenario.options.bits=8",
            ],
            plan.Settings.Select(s => s.Label));
        Assert.Equal([4, 5], plan.Seeds);
        Assert.Equal(16, plan.Trials.Count);
        Assert.Equal($"{plan.Settings[0].Id}-s4", plan.Trials[0].Id);
        Assert.Equal(32, plan.Settings[2].Manifest.Training.BatchSize);
        Assert.Equal(0.01, plan.Settings[7].Manifest.Training.LearningRate);
        Assert.Equal([5], plan.Trials[1].Manifest()["seeds"]!.Select(s => (int)s));
    }

    [Fact]
    public void A_setting_keeps_its_id_however_the_sweep_is_written_and_a_changed_experiment_gets_another()
    {
        SweepPlan first = Read("""{ "manifest": "base.json", "grid": { "training.learningRate": [0.001, 0.01] } }""");
        SweepPlan reordered = Read("""{ "sweep": "other", "manifest": "base.json", "seeds": [0], "lists": [ { "training.learningRate": 0.01 }, { "training.learningRate": 1e-3 } ] }""");

        Assert.Equal(first.Settings.Select(s => s.Id).Reverse(), reordered.Settings.Select(s => s.Id));
        // Without seeds of its own, the sweep takes the base manifest's.
        Assert.Equal([0, 1, 2], first.Seeds);
        Assert.Equal(16, first.Settings[0].Id.Length);

        File.WriteAllText(Path.Combine(_folder, "base.json"), Base.Replace("\"maxSteps\": 20", "\"maxSteps\": 21", StringComparison.Ordinal));
        SweepPlan edited = Read("""{ "manifest": "base.json", "grid": { "training.learningRate": [0.001, 0.01] } }""");
        Assert.Empty(edited.Settings.Select(s => s.Id).Intersect(first.Settings.Select(s => s.Id)));
    }

    [Fact]
    public void Without_grid_or_lists_the_sweep_is_the_base_manifest_over_its_seeds()
    {
        SweepPlan plan = Read("""{ "manifest": "base.json" }""");

        Assert.Equal("base", Assert.Single(plan.Settings).Label);
        Assert.Equal(3, plan.Trials.Count);
    }

    [Fact]
    public void Mistakes_in_the_file_are_all_reported_at_their_place()
    {
        AncInputException error = Assert.Throws<AncInputException>(() => Read("""
            { "manifest": "missing.json",
              "grid": { "training.batchSize": 16, "seeds": [1] },
              "lists": {},
              "sweep": "a/b" }
            """));

        Assert.Equal(
            [
                $"s.json(1,15): manifest: there is no manifest file at {Path.Combine(_folder, "missing.json")}; the path is relative to the sweep file.",
                "s.json(2,35): grid['training.batchSize']: expected a list of one or more values, got the integer 16.",
                "s.json(2,39): grid.seeds: a sweep's seeds are its own field \"seeds\", not a setting; move them there.",
                "s.json(3,12): lists: expected a list of one or more objects of manifest paths to values, such as [{ \"training.batchSize\": 256 }], got an object.",
                "s.json(4,12): sweep: must be a name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes a folder name).",
            ],
            error.Diagnostics.Select(d => d.ToString().Replace(Path.Combine(_folder, "s.json"), "s.json", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_shipped_paper_reproduction_sweep_is_three_settings_of_twenty_seeds_in_the_order_they_run()
    {
        string file = Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.Encryption", "sweeps", "paper-symmetric.json");

        SweepPlan plan = _services.GetRequiredService<SweepReader>().Read(file);

        Assert.Equal("paper-symmetric", plan.Name);
        Assert.Equal(Enumerable.Range(0, 20), plan.Seeds);
        Assert.Equal([4096, 512, 4096], plan.Settings.Select(s => s.Manifest.Training.BatchSize));
        Assert.All(plan.Settings, s => Assert.Equal(50_000, s.Manifest.Training.MaxSteps));
        // The paper's batch comes first, all twenty seeds of it, so its result is the first one complete.
        Assert.All(plan.Trials.Take(20), t => Assert.Same(plan.Settings[0], t.Setting));
    }

    [Fact]
    public void Every_shipped_sweep_reads()
    {
        string[] sweeps = Directory.GetDirectories(Path.Combine(AncHostProcess.RepositoryRoot, "Plugins"))
            .Select(plugin => Path.Combine(plugin, "sweeps")).Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.json")).ToArray();

        Assert.NotEmpty(sweeps);
        Assert.All(sweeps, file => Assert.NotEmpty(_services.GetRequiredService<SweepReader>().Read(file).Trials));
    }

    private SweepPlan Read(string text)
    {
        string file = Path.Combine(_folder, "s.json");
        File.WriteAllText(file, text);
        return _services.GetRequiredService<SweepReader>().Read(file);
    }
}
