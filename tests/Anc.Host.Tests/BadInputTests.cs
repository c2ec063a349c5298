using Anc.Testing;

namespace Anc.Host.Tests;

public sealed class BadInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Validate_reports_every_mistake_with_its_line_and_exits_2()
    {
        string folder = Directory.CreateTempSubdirectory("anc-validate-").FullName;
        File.WriteAllText(Path.Combine(folder, "broken.json"), """
            {
              "experiment": "broken",
              "scenario": { "name": "symmetric", "options": { "bits": 0, "stoping": {} } },
              "training": { "batchSize": "many", "learningRate": -1 },
              "parties": { "eve": { "architecture": "mlpp" } }
            }
            """);

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "validate", "broken.json");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            [
                "broken.json(3,59): scenario.options.bits: must be between 1 and 16777216, got 0.",
                "broken.json(3,62): scenario.options.stoping: unknown option 'stoping' for scenario 'symmetric'; did you mean 'stopping'? (known: aliceBobStepsPerRound, bits, evaluation, stopping, success).",
                "broken.json(4,30): training.batchSize: expected an integer, got the string \"many\".",
                "broken.json(4,54): training.learningRate: must be between 1E-09 and 10, got -1.",
                "broken.json(5,41): parties.eve.architecture: unknown architecture 'mlpp'; known: dense, fixed-key-xor, identity-cipher, mix-transform, one-time-pad; if a plugin provides it, load that plugin's folder (anc-host --plugins <folder>).",
            ],
            Lines(error));
    }

    [Fact]
    public void Run_on_a_bad_manifest_exits_2_and_creates_no_run_directory()
    {
        string folder = Directory.CreateTempSubdirectory("anc-badrun-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.json"), """{ "experiment": "bad", "scenario": "symmetric", "seeds": -1 }""");

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "bad.json", "--output", "out");

        Assert.Equal(2, exit);
        Assert.Equal(["bad.json(1,58): seeds: a seed count must be between 1 and 10000, got -1."], Lines(error));
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void An_output_root_that_cannot_be_created_is_one_line()
    {
        string folder = Directory.CreateTempSubdirectory("anc-badoutput-").FullName;
        File.WriteAllText(Path.Combine(folder, "blocker"), "a file where the runs root should be");
        File.WriteAllText(Path.Combine(folder, "m.json"), """{ "experiment": "m", "scenario": "symmetric" }""");

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--output", "blocker");

        Assert.Equal(2, exit);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith("blocker: cannot create a run directory there (", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_one_line_with_its_position()
    {
        string folder = Directory.CreateTempSubdirectory("anc-malformed-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), "{ \"experiment\": \"m\",\n  \"scenario\": symmetric }");

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "validate", "m.json");

        Assert.Equal(2, exit);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith("m.json(2,", line, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_is_one_line()
    {
        string folder = Directory.CreateTempSubdirectory("anc-missing-").FullName;

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "run", "nowhere.json");

        Assert.Equal(2, exit);
        Assert.Equal(["nowhere.json: manifest file not found; check the path."], Lines(error));
    }

    [Fact]
    public void A_missing_plugin_folder_is_one_line()
    {
        string folder = Directory.CreateTempSubdirectory("anc-plugins-").FullName;

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "list", "--plugins", "no-such-plugins");

        Assert.Equal(2, exit);
        Assert.Equal(["plugin folder 'no-such-plugins' does not exist; pass an existing folder to --plugins."], Lines(error));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("run", "m.json", "--bogus")]
    public void Bad_arguments_exit_2_without_a_stack_trace(params string[] arguments)
    {
        (int exit, _, string error) = AncHostProcess.Run(Path.GetTempPath(), Timeout, arguments);

        Assert.Equal(2, exit);
        Assert.NotEmpty(Lines(error));
        Assert.All(Lines(error), line => Assert.StartsWith("anc-host: ", line, StringComparison.Ordinal));
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
