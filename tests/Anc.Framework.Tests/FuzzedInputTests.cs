using Microsoft.Extensions.DependencyInjection;

namespace Anc.Framework.Tests;

/// <summary>
/// One test for each kind of input that the manifest fuzzer (<see cref="ManifestFuzzTests"/>)
/// found crashing the reader, or spreading a message over several lines, or that review of its
/// findings showed passing validation only to fail the run.
/// </summary>
public sealed class FuzzedInputTests : IDisposable
{
    private readonly ServiceProvider _services = BuiltInPlugins.Services();

    public void Dispose() => _services.Dispose();

    // Json.NET reads such integers as BigInteger, which Value<long>() and Value<double>() cannot convert.
    [Theory]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "threads": 123456789012345678901234567890 }""", "m.json(1,58): threads: expected an integer from 0 (torch's default) to 1024, got the integer 123456789012345678901234567890.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "seeds": 9223372036854775808 }""", "m.json(1,56): seeds: a seed count must be between 1 and 10000, got 9223372036854775808.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "seeds": [1, -9223372036854775809] }""", "m.json(1,60): seeds[1]: a seed is an integer from 0 to 2147483647, got the integer -9223372036854775809.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "training": { "logEvery": 9223372036854775808 } }""", "m.json(1,73): training.logEvery: 9223372036854775808 is out of range: an integer here is from -2147483648 to 2147483647.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "training": { "maxSteps": 2147483648 } }""", "m.json(1,73): training.maxSteps: 2147483648 is out of range: an integer here is from -2147483648 to 2147483647.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "training": { "learningRate": 123456789012345678901234567890 } }""", "m.json(1,77): training.learningRate: must be between 1E-09 and 10, got 1.2345678901234568E+29.")]
    public void Integers_past_the_range_of_long_are_one_line_each(string manifest, string expected)
    {
        Assert.Equal([expected], Errors(manifest));
    }

    // A null would otherwise reach the component, which fails on it when the run starts, or the reader's own checks, which crashed on it.
    [Theory]
    [InlineData("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "stopping": null } } }""", "m.json(1,82): scenario.options.stopping: expected an object, got null; leave 'stopping' out for its default.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "parties": { "eve": { "adversary": { "name": "eve", "options": { "observes": null } } } } }""", "m.json(1,124): parties.eve.adversary.options.observes: expected an array, got null; leave 'observes' out for its default.")]
    [InlineData("""{ "experiment": "e", "scenario": "symmetric", "parties": { "eve": { "adversary": { "name": "eve", "options": { "observes": [null] } } } } }""", "m.json(1,125): parties.eve.adversary.options.observes[0]: expected a string, got null.")]
    [InlineData("""{ "experiment": "e", "scenario": "selective-protection", "parties": { "bob": { "architecture": { "name": "dense", "options": { "hiddenWidths": null } } } } }""", "m.json(1,144): parties.bob.architecture.options.hiddenWidths: expected an array, got null; leave 'hiddenWidths' out for its default.")]
    public void Null_where_an_option_cannot_be_null_is_refused(string manifest, string expected)
    {
        Assert.Equal([expected], Errors(manifest));
    }

    [Fact]
    public void An_adversary_that_observes_nothing_is_refused_before_the_run_builds_a_network_of_width_0()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": "symmetric", "parties": { "eve": { "adversary": { "name": "eve", "options": { "observes": [] } } } } }"""));

        Assert.Equal("m.json(1,82): parties.eve.adversary: adversary 'eve' observes nothing; give it at least one of ciphertext.", line);
    }

    [Fact]
    public void Line_breaks_and_control_characters_in_names_are_escaped_so_each_mistake_stays_one_line()
    {
        string[] lines = Errors("{ \"experiment\": \"e\", \"scenario\": \"sym\\nmetric\", \"x\\u001b[31m\\u2028\": 1 }");

        Assert.Equal(
            [
                @"m.json(1,34): scenario: unknown scenario 'sym\nmetric'; did you mean 'symmetric'? (known: public-key, selective-protection, symmetric); if a plugin provides it, load that plugin's folder (anc-host --plugins <folder>).",
                @"m.json(1,49): ['x\u001b[31m\u2028']: unknown field 'x\u001b[31m\u2028'; known: data, description, device, experiment, parties, scenario, seeds, threads, training.",
            ],
            lines);
    }

    [Fact]
    public void A_field_whose_name_is_not_a_plain_word_is_bracketed_in_the_path()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits per key": 8 } } }"""));

        Assert.StartsWith("m.json(1,70): scenario.options['bits per key']: unknown option 'bits per key' for scenario 'symmetric';", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_name_with_a_final_line_break_is_not_a_folder_name()
    {
        string line = Assert.Single(Errors("""{ "experiment": "tiny\n", "scenario": "symmetric" }"""));

        Assert.Equal("m.json(1,17): experiment: must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes a folder name).", line);
    }

    [Fact]
    public void An_option_given_twice_in_different_case_is_refused_instead_of_the_last_winning()
    {
        string line = Assert.Single(Errors("""{ "experiment": "e", "scenario": { "name": "symmetric", "options": { "bits": 8, "BITS": 4096 } } }"""));

        Assert.Equal("m.json(1,81): scenario.options.BITS: option 'bits' is given twice, as 'bits' and as 'BITS'; keep one.", line);
    }

    private string[] Errors(string manifest) => _services.Reader().Errors(manifest);
}
