using Anc.Manifests;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace Anc.Framework.Tests;

public sealed class ManifestSchemaTests
{
    [Fact]
    public void Every_example_manifest_of_the_built_in_plugins_is_valid_against_the_schema()
    {
        JsonSchema schema = Schema();
        string[] manifests = Directory.GetFiles(Path.Combine(AncHostProcess.RepositoryRoot, "Plugins"), "*.json", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}manifests{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

        Assert.True(manifests.Length >= 6, string.Join(", ", manifests));
        foreach (string manifest in manifests)
        {
            Assert.True(schema.Validate(File.ReadAllText(manifest)).Count == 0, $"{manifest}: {string.Join("; ", schema.Validate(File.ReadAllText(manifest)))}");
        }
    }

    [Fact]
    public void The_schema_the_example_manifests_reference_is_the_one_the_built_in_plugins_generate()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        string generated = services.GetRequiredService<ManifestSchema>().Generate().ToString();
        string committed = File.ReadAllText(Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "manifest.schema.json"));

        // After changing a component's options: anc-host schema > Plugins/manifest.schema.json
        Assert.True(
            Newtonsoft.Json.Linq.JToken.DeepEquals(Newtonsoft.Json.Linq.JObject.Parse(generated), Newtonsoft.Json.Linq.JObject.Parse(committed)),
            "Plugins/manifest.schema.json is stale: regenerate it with anc-host schema > Plugins/manifest.schema.json");
    }

    [Theory]
    [InlineData("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": "many" } } }""")]
    [InlineData("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bitz": 8 } } }""")]
    [InlineData("""{ "experiment": "e", "scenario": "symetric" }""")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "trainng": {} }""")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "parties": { "eve": { "architecture": { "name": "mix-transform", "options": { "variant": "papr" } } } } }""")]
    [InlineData("""{ "scenario": "symmetric" }""")]
    public void A_broken_manifest_is_rejected(string manifest)
    {
        Assert.NotEmpty(Schema().Validate(manifest));
    }

    private static JsonSchema Schema()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        return JsonSchema.FromJsonAsync(services.GetRequiredService<ManifestSchema>().Generate().ToString()).GetAwaiter().GetResult();
    }
}
