using Anc.Observers;
using Anc.Training.Processes;

namespace Anc.Framework.Tests;

/// <summary>The seed-process protocol's lines carry an event's figures exactly, and nothing else a process prints is taken for one.</summary>
public sealed class SeedEventLineTests
{
    [Fact]
    public void An_event_goes_through_a_line_with_its_figures_bit_for_bit()
    {
        MetricEvent sent = new(3, MetricPhase.Training, 1200, 50000, new Dictionary<string, double> { ["bob.bitsWrong"] = 0.1 + 0.2, ["eve.bitsWrong"] = 7.608451843261719 });

        string line = SeedEventLine.Write(sent);
        MetricEvent received = SeedEventLine.Read(line)!;

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("""{"seed":3,"phase":""", line, StringComparison.Ordinal);
        Assert.Equal((sent.Seed, sent.Phase, sent.Step, sent.TotalSteps), (received.Seed, received.Phase, received.Step, received.TotalSteps));
        Assert.Equal(sent.Values, received.Values);
    }

    [Theory]
    [InlineData("seed 3 training step 100")]
    [InlineData("{\"library\": \"some log line\"}")]
    [InlineData("{\"seed\": 3, \"phase\": \"training\"")]
    [InlineData("{\"seed\": \"three\", \"phase\": \"training\", \"step\": 1, \"totalSteps\": 2, \"values\": {}}")]
    public void Anything_else_a_process_prints_is_not_an_event(string line)
    {
        Assert.Null(SeedEventLine.Read(line));
    }
}
