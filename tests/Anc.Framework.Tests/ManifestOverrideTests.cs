using Anc.Diagnostics;
using Anc.Manifests;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

public sealed class ManifestOverrideTests
{
    private const string Manifest = """
        {
          "experiment": "e",
          "scenario": { "name": "symmetric", "options": { "bits": 8 } },
          "seeds": [0],
          "parties": { "eve": { "architecture": "mix-transform" } }
        }
        """;

    [Fact]
    public void Overrides_set_values_create_sections_and_show_in_the_resolved_manifest()
    {
        ResolvedManifest resolved = Parse(
            "training.batchSize=512",
            "scenario.options.evaluation.freshEves=2",
            "parties.eve.architecture.options.variant=reference",
            "description=from the command line");

        JObject json = resolved.ToJson();
        Assert.Equal(512, resolved.Training.BatchSize);
        Assert.Equal(8, (int)json.SelectToken("scenario.options.bits")!);
        Assert.Equal(2, (int)json.SelectToken("scenario.options.evaluation.freshEves")!);
        // A component given by name becomes { "name": ... } when an override reaches into it.
        Assert.Equal("mix-transform", (string?)json.SelectToken("parties.eve.architecture.name"));
        Assert.Equal("reference", (string?)json.SelectToken("parties.eve.architecture.options.variant"));
        Assert.Equal("from the command line", resolved.Description);
    }

    [Fact]
    public void Seeds_take_numbers_and_ranges()
    {
        ResolvedManifest resolved = Parse([ManifestOverride.Seeds("0-3,7,9-10")]);

        Assert.Equal([0, 1, 2, 3, 7, 9, 10], resolved.Seeds);
    }

    [Theory]
    [InlineData("5-2")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    [InlineData("0-100000")]
    public void Malformed_seeds_are_refused_naming_the_option(string seeds)
    {
        AncInputException error = Assert.Throws<AncInputException>(() => ManifestOverride.Seeds(seeds));

        Assert.StartsWith($"--seeds {seeds}: ", Assert.Single(error.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training.batchSize")]
    [InlineData("=3")]
    [InlineData("training..batchSize=3")]
    public void An_override_without_a_path_and_a_value_is_refused(string assignment)
    {
        AncInputException error = Assert.Throws<AncInputException>(() => ManifestOverride.Parse(assignment));

        Assert.Equal(
            $"--set {assignment}: expected <path>=<value> with a dotted path, for example --set training.batchSize=512.",
            Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void A_wrong_value_is_reported_at_the_override_and_the_file_mistakes_at_their_lines()
    {
        AncInputException error = Assert.Throws<AncInputException>(() => Parse(
            """{ "experiment": "e", "scenario": "symmetric", "threads": -1 }""",
            ManifestOverride.Parse("training.batchSize=many"),
            ManifestOverride.Parse("scenario.options.bits=0"),
            ManifestOverride.Parse("experiment.name=x")));

        Assert.Equal(
            [
                "--set experiment.name=x: experiment.name: 'experiment' is string, not an object, so it has no 'name'.",
                "--set scenario.options.bits=0: scenario.options.bits: must be between 1 and 16777216, got 0.",
                "--set training.batchSize=many: training.batchSize: expected an integer, got the string \"many\".",
                "m.json(1,58): threads: expected an integer from 0 (torch's default) to 1024, got the integer -1.",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    private static ResolvedManifest Parse(params string[] assignments) =>
        Parse(assignments.Select(a => ManifestOverride.Parse(a)).ToArray());

    private static ResolvedManifest Parse(ManifestOverride[] overrides) => Parse(Manifest, overrides);

    private static ResolvedManifest Parse(string manifest, params ManifestOverride[] overrides)
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        return services.GetRequiredService<ManifestReader>().Parse(manifest, "m.json", overrides);
    }
}
