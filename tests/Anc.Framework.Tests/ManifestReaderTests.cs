using Anc.Diagnostics;
using Anc.Manifests;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly ServiceProvider _services = BuiltInPlugins.Services();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_minimal_manifest_gets_every_default_filled_in()
    {
        ResolvedManifest manifest = _services.Reader().Parse("""{ "experiment": "e", "scenario": "symmetric" }""", "m.json");

        JObject json = manifest.ToJson();
        Assert.Equal(4096, (int)json.SelectToken("training.batchSize")!);
        Assert.Equal(0.0008, (double)json.SelectToken("training.learningRate")!);
        Assert.Equal(16, (int)json.SelectToken("scenario.options.bits")!);
        Assert.Equal(2, (int)json.SelectToken("parties.eve.adversary.options.stepsPerRound")!);
        Assert.Equal("paper", (string)json.SelectToken("parties.alice.architecture.options.variant")!);
        Assert.Equal("l1-bits", (string)json.SelectToken("parties.bob.loss.name")!);
        Assert.Equal("auto", (string)json["device"]!);
        Assert.Equal([0], json["seeds"]!.Values<int>());
        Assert.Equal(["alice", "bob", "eve"], manifest.Parties.Select(p => p.Role.Name));
        Assert.Null(manifest.Data);
        Assert.Null(json["data"]);
    }

    [Fact]
    public void A_scenario_that_takes_data_gets_its_default_generator_with_every_option_written()
    {
        ResolvedManifest manifest = _services.Reader().Parse("""{ "experiment": "e", "scenario": "selective-protection" }""", "m.json");

        JObject json = manifest.ToJson();
        Assert.Equal("correlated-gaussian", manifest.Data!.Descriptor.Name);
        Assert.Equal("correlated-gaussian", (string)json.SelectToken("data.name")!);
        Assert.Equal(
            ["width", "correlation", "weightA", "weightB", "weightC", "noise"],
            ((JObject)json.SelectToken("data.options")!).Properties().Select(p => p.Name));
        Assert.Equal(1, (int)json.SelectToken("data.options.width")!);
        Assert.Equal(0.5, (double)json.SelectToken("data.options.noise")!);
        Assert.Equal(["experiment", "scenario", "data", "device", "threads", "seeds", "training", "parties"], json.Properties().Select(p => p.Name));
    }

    [Fact]
    public void A_resolved_manifest_with_data_reads_back_to_itself()
    {
        string original = """
            { "experiment": "e", "scenario": "selective-protection",
              "data": { "name": "correlated-gaussian", "options": { "width": 2, "correlation": 0.3 } } }
            """;
        JObject first = _services.Reader().Parse(original, "m.json").ToJson();

        JObject second = _services.Reader().Parse(first.ToString(), "resolved.json").ToJson();

        Assert.True(JToken.DeepEquals(first, second), second.ToString());
        Assert.Equal(2, (int)second.SelectToken("data.options.width")!);
        Assert.Equal(0.3, (double)second.SelectToken("data.options.correlation")!);
    }

    [Fact]
    public void Data_for_a_scenario_that_takes_none_is_an_error()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symmetric", "data": "correlated-gaussian" }"""));

        Assert.Equal("m.json(1,55): data: scenario 'symmetric' takes no data generator; remove 'data'.", line);
    }

    [Fact]
    public void An_unknown_data_generator_suggests_the_closest()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "selective-protection", "data": "correlated-gausian" }"""));

        Assert.Equal(
            "m.json(1,66): data: unknown data generator 'correlated-gausian'; did you mean 'correlated-gaussian'? (known: correlated-gaussian, csv); " +
            "if a plugin provides it, load that plugin's folder (anc-host --plugins <folder>).",
            line);
    }

    [Fact]
    public void An_unknown_data_option_suggests_the_closest()
    {
        string line = Assert.Single(Errors("""
            { "experiment": "e", "scenario": "selective-protection",
              "data": { "name": "correlated-gaussian", "options": { "noize": 1 } } }
            """));

        Assert.StartsWith("m.json(2,", line, StringComparison.Ordinal);
        Assert.EndsWith("data.options.noize: unknown option 'noize' for data generator 'correlated-gaussian'; did you mean 'noise'? (known: correlation, noise, weightA, weightB, weightC, width).", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_generator_reference_has_a_name_and_options_only()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "selective-protection", "data": { "name": "correlated-gaussian", "seed": 3 } }"""));

        Assert.Equal("m.json(1,99): data.seed: unknown field 'seed'; a data generator reference has 'name' and 'options'.", line);
    }

    [Fact]
    public void The_resolved_manifest_reads_back_to_itself()
    {
        string original = """
            { "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": 8, "evaluation": { "freshEves": 2 } } },
              "seeds": 3, "threads": 2, "training": { "batchSize": 64 },
              "parties": { "bob": { "architecture": { "name": "mix-transform", "options": { "variant": "reference" } } } } }
            """;
        JObject first = _services.Reader().Parse(original, "m.json").ToJson();

        JObject second = _services.Reader().Parse(first.ToString(), "resolved.json").ToJson();

        Assert.True(JToken.DeepEquals(first, second), second.ToString());
        Assert.Equal([0, 1, 2], second["seeds"]!.Values<int>());
        Assert.Equal("reference", (string)second.SelectToken("parties.bob.architecture.options.variant")!);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_position()
    {
        string line = Assert.Single(Errors("{\n  \"experiment\": \"e\",\n  \"scenario\": \"symmetric\"\n  \"seeds\": 1\n}"));

        Assert.StartsWith("m.json(4,", line, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_says_so()
    {
        Assert.Equal(["m.json: the manifest is empty; it must be a JSON object such as { \"experiment\": \"my-run\", \"scenario\": \"symmetric\" }."], Errors("  \n"));
    }

    [Fact]
    public void A_duplicated_key_is_malformed_json()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "experiment": "f", "scenario": "symmetric" }"""));

        Assert.Contains("malformed JSON", line, StringComparison.Ordinal);
        Assert.Contains("experiment", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scenario_lists_the_scenarios_that_exist()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symetric" }"""));

        Assert.Equal("m.json(1,34): scenario: unknown scenario 'symetric'; did you mean 'symmetric'? (known: public-key, selective-protection, symmetric); if a plugin provides it, load that plugin's folder (anc-host --plugins <folder>).", line);
    }

    [Fact]
    public void An_unknown_component_name_suggests_the_closest()
    {
        string line = Assert.Single(Errors("""
            { "experiment": "e", "scenario": "symmetric",
              "parties": { "eve": { "architecture": "mix-transfrom" } } }
            """));

        Assert.StartsWith("m.json(2,", line, StringComparison.Ordinal);
        Assert.Contains("parties.eve.architecture: unknown architecture 'mix-transfrom'; did you mean 'mix-transform'?", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_suggests_the_closest()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bitz": 8 } } }"""));

        Assert.Contains("scenario.options.bitz: unknown option 'bitz' for scenario 'symmetric'; did you mean 'bits'?", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_what_was_expected_and_what_was_given()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symmetric", "training": { "batchSize": "big" } }"""));

        Assert.Equal("m.json(1,74): training.batchSize: expected an integer, got the string \"big\".", line);
    }

    [Theory]
    [InlineData("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": 0 } } }""", "scenario.options.bits: must be between 1 and 16777216, got 0.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "training": { "batchSize": 0 } }""", "training.batchSize: must be between 1 and 2147483647, got 0.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "training": { "learningRate": -0.1 } }""", "training.learningRate: must be between 1E-09 and 10, got -0.1.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "seeds": 0 }""", "seeds: a seed count must be between 1 and 10000, got 0.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "device": "tpu" }""", "device: expected \"auto\", \"cpu\" or \"cuda\", got the string \"tpu\".")]
    [InlineData("""{ "experiment": "../escape", "scenario": "symmetric" }""", "experiment: must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes a folder name).")]
    public void A_value_out_of_range_is_reported(string manifest, string expected)
    {
        string line = Assert.Single(Errors(manifest));

        Assert.EndsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_fields_are_reported()
    {
        string[] lines = Errors("""{ "seeds": [1] }""");

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("m.json(1,1): experiment: missing required field 'experiment'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("m.json(1,1): scenario: missing required field 'scenario'", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mistake_is_reported_in_one_pass_each_on_its_own_line()
    {
        string[] lines = Errors("""
            {
              "experiment": "e",
              "scenario": { "name": "symmetric", "options": { "bits": -3 } },
              "training": { "batchSize": 0, "learningRate": "fast", "maxStep": 10 },
              "parties": { "carol": {}, "eve": { "adversary": { "name": "eve", "options": { "stepsPerRound": 2.5 } } } }
            }
            """);

        Assert.Equal(
            [
                "m.json(3,59): scenario.options.bits: must be between 1 and 16777216, got -3.",
                "m.json(4,30): training.batchSize: must be between 1 and 2147483647, got 0.",
                "m.json(4,49): training.learningRate: expected a number, got the string \"fast\".",
                "m.json(4,57): training.maxStep: unknown option 'maxStep' for the training section; did you mean 'maxSteps'? (known: batchSize, checkpointEvery, learningRate, logEvery, maxSteps, seedsTogether).",
                "m.json(5,16): parties.carol: scenario 'symmetric' has no party 'carol'; known: alice, bob, eve.",
                "m.json(5,98): parties.eve.adversary.options.stepsPerRound: expected an integer, got the number 2.5.",
            ],
            lines);
    }

    [Fact]
    public void A_defender_cannot_be_given_an_adversary()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symmetric", "parties": { "bob": { "adversary": "eve" } } }"""));

        Assert.Contains("parties.bob.adversary: 'bob' is not an attacker", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adversary_cannot_observe_what_its_role_cannot_see()
    {
        string line = Assert.Single(Errors("""
            { "experiment": "e", "scenario": "symmetric",
              "parties": { "eve": { "adversary": { "name": "eve", "options": { "observes": ["key"] } } } } }
            """));

        Assert.Contains("parties.eve.adversary: adversary 'eve' observes 'key', which party 'eve' cannot see", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adversary_observes_each_signal_once()
    {
        string line = Assert.Single(Errors("""
            { "experiment": "e", "scenario": "symmetric",
              "parties": { "eve": { "adversary": { "name": "eve", "options": { "observes": ["ciphertext", "ciphertext"] } } } } }
            """));

        Assert.Contains("parties.eve.adversary: adversary 'eve' observes 'ciphertext' more than once", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_where_there_is_none_is_a_clear_error()
    {
        Assert.False(TorchSharp.torch.cuda.is_available());

        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symmetric", "device": "cuda" }"""));

        Assert.Contains("device: \"cuda\" was asked for, but torch sees no CUDA device", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_file_is_one_line()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-manifest.json");

        AncInputException error = Assert.Throws<AncInputException>(() => _services.Reader().Read(path));

        Assert.Equal($"{path}: manifest file not found; check the path.", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void The_shipped_manifests_are_valid()
    {
        foreach (string name in new[] { "symmetric-quick.json", "symmetric-paper.json" })
        {
            ResolvedManifest manifest = _services.Reader().Read(Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.Encryption", "manifests", name));

            Assert.Equal(name[..^5], manifest.Experiment);
        }

        foreach (string name in new[] { "selective-protection.json", "selective-protection-control.json" })
        {
            ResolvedManifest manifest = _services.Reader().Read(Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.SelectiveProtection", "manifests", name));

            Assert.Equal(name[..^5], manifest.Experiment);
            Assert.Equal("correlated-gaussian", manifest.Data!.Descriptor.Name);
        }
    }

    private string[] Errors(string manifest) => _services.Reader().Errors(manifest);
}
