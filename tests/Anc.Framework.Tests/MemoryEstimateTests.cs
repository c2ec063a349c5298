using Anc.Manifests;
using Anc.PluginHosting;
using Anc.Testing.Fuzzing;
using Anc.Training.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Framework.Tests;

public sealed class MemoryEstimateTests : IDisposable
{
    private static readonly double AvailableGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30);

    private readonly ServiceProvider _services = BuiltInPlugins.Services();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_batch_of_a_billion_examples_is_refused_with_the_estimate_and_the_memory_available()
    {
        string line = Assert.Single(_services.Reader().Errors("""{ "experiment": "e", "scenario": "symmetric", "training": { "batchSize": 1000000000 } }"""));

        Assert.StartsWith("m.json(1,74): training.batchSize: one seed needs at least ", line, StringComparison.Ordinal);
        Assert.Contains($" GiB of memory and {AvailableGiB.ToString("#,0.0", System.Globalization.CultureInfo.InvariantCulture)} GiB is available (", line, StringComparison.Ordinal);
        Assert.Contains("a training batch of 1000000000 examples ", line, StringComparison.Ordinal);
        Assert.EndsWith("; lower training.batchSize, or run where more memory is available.", line, StringComparison.Ordinal);
        Assert.True(NeededGiB(line) > 1000, line);
    }

    [Fact]
    public void Ten_million_bits_are_refused_at_the_option_that_sets_the_widths()
    {
        string line = Assert.Single(_services.Reader().Errors("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": 10000000 } } }"""));

        Assert.StartsWith("m.json(1,78): scenario.options.bits: one seed needs at least ", line, StringComparison.Ordinal);
        Assert.EndsWith("; make scenario.options.bits smaller, or run where more memory is available.", line, StringComparison.Ordinal);
        // Alice's dense layer alone is 2N x 2N weights: 4e14 of them, 16 bytes each with their gradient and Adam's moments.
        Assert.True(NeededGiB(line) > 4e14 * 16 / (1L << 30), line);
    }

    [Theory]
    [InlineData("""{ "experiment": "e", "scenario": "selective-protection", "parties": { "alice": { "architecture": { "name": "dense", "options": { "hiddenWidths": [65536, 65536] } } } } }""", "parties.alice.architecture.options", "make alice's network narrower")]
    [InlineData("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": 4096, "evaluation": { "heldOutExamples": 4194304 } } }, "training": { "batchSize": 16 } }""", "scenario.options.evaluation.heldOutExamples", "lower scenario.options.evaluation.heldOutExamples")]
    public void The_message_names_the_size_that_needs_the_most(string manifest, string path, string advice)
    {
        ManifestReader reader = Reader(budgetGiB: 16);

        string line = Assert.Single(reader.Errors(manifest));

        Assert.Contains($": {path}: one seed needs at least ", line, StringComparison.Ordinal);
        Assert.Contains(" GiB of memory and 16.0 GiB is available (", line, StringComparison.Ordinal);
        Assert.EndsWith($"; {advice}, or run where more memory is available.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_trained_together_that_only_fit_one_by_one_are_refused_at_seeds_together_with_how_many_fit()
    {
        ManifestReader reader = Reader(budgetGiB: 1);
        const string Together = """{ "experiment": "e", "scenario": "symmetric", "seeds": 16, "training": { "batchSize": 65536, "seedsTogether": 16 } }""";

        string line = Assert.Single(reader.Errors(Together));

        Assert.Matches(@"^m\.json\(1,\d+\): training\.seedsTogether: 16 seeds trained together need at least ", line);
        int fit = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"train at most (\d+) together\.$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(fit, 1, 15);
        // That many do fit, one more does not; and the same seeds one at a time, or 16 together with two seeds, are let through.
        reader.Parse(Together.Replace("\"seedsTogether\": 16", $"\"seedsTogether\": {fit}", StringComparison.Ordinal), "m.json");
        Assert.Single(reader.Errors(Together.Replace("\"seedsTogether\": 16", $"\"seedsTogether\": {fit + 1}", StringComparison.Ordinal)));
        reader.Parse(Together.Replace("\"seedsTogether\": 16", "\"seedsTogether\": 1", StringComparison.Ordinal), "m.json");
        reader.Parse(Together.Replace("\"seeds\": 16", "\"seeds\": 2", StringComparison.Ordinal), "m.json");
    }

    [Fact]
    public void Every_example_manifest_fits_in_four_gibibytes()
    {
        ManifestReader reader = Reader(budgetGiB: 4);

        foreach (string path in ExampleManifests.Paths)
        {
            Assert.Equal(Path.GetFileNameWithoutExtension(path), reader.Read(path).Experiment);
        }
    }

    [Fact]
    public void A_budget_lets_through_what_fits_and_refuses_what_does_not()
    {
        // 4096 examples of 16 bits through three paper networks: a few hundred values each, about 30 MiB in all.
        ManifestReader reader = Reader(budgetGiB: 0.05);

        Assert.Equal("e", reader.Parse("""{ "experiment": "e", "scenario": "symmetric" }""", "m.json").Experiment);
        Assert.Single(reader.Errors("""{ "experiment": "e", "scenario": "symmetric", "training": { "batchSize": 65536 } }"""));
    }

    private ManifestReader Reader(double budgetGiB)
    {
        ComponentFactory factory = _services.GetRequiredService<ComponentFactory>();
        return new ManifestReader(
            _services.GetRequiredService<PluginCatalog>(),
            factory,
            _services.GetRequiredService<TorchDevices>(),
            new MemoryEstimate(factory, () => (long)(budgetGiB * (1L << 30))));
    }

    private static double NeededGiB(string line)
    {
        string number = line.Split("needs at least ")[1].Split(" GiB")[0];
        return double.Parse(number, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
