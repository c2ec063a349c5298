using Anc.Manifests;
using Anc.Results;
using Anc.Statistics;
using Anc.Training;
using Anc.Training.Engine;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

public sealed class RunSummaryTests
{
    [Theory]
    // Reference values of the 95% Wilson score interval (Wilson 1927; Newcombe 1998, table I).
    [InlineData(5, 5, 0.5655, 1.0)]
    [InlineData(0, 5, 0.0, 0.4345)]
    [InlineData(7, 10, 0.3968, 0.8922)]
    [InlineData(1, 20, 0.0089, 0.2361)]
    public void The_Wilson_interval_matches_reference_values(int successes, int trials, double low, double high)
    {
        (double actualLow, double actualHigh) = WilsonInterval.Of(successes, trials);

        Assert.Equal(low, actualLow, 4);
        Assert.Equal(high, actualHigh, 4);
    }

    [Fact]
    public void Without_seeds_the_interval_is_everything()
    {
        Assert.Equal((0.0, 1.0), WilsonInterval.Of(0, 0));
    }

    [Fact]
    public void The_summary_has_the_interval_and_median_min_and_max_of_each_figure_over_completed_seeds()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        ResolvedManifest manifest = services.Reader().Parse("""{ "experiment": "e", "scenario": "symmetric", "seeds": 4 }""", "m.json");
        RunResult result = new("/runs/e/x",
        [
            Outcome(0, SeedStatus.Completed, success: true, new() { ["bob.bitsWrong"] = 0.1, ["eve.bitsWrong"] = 7.0 }),
            Outcome(1, SeedStatus.Completed, success: false, new() { ["bob.bitsWrong"] = 3.0, ["eve.bitsWrong"] = 6.0 }),
            Outcome(2, SeedStatus.Completed, success: true, new() { ["bob.bitsWrong"] = 0.2 }),
            Outcome(3, SeedStatus.Crashed, success: false, new() { ["bob.bitsWrong"] = 99.0 }),
        ], Cancelled: false);

        RunSummaryFile summary = RunSummary.Build(manifest, result, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(10));

        Assert.Equal(0.5, summary.SuccessRate);
        (double low, double high) = WilsonInterval.Of(2, 4);
        Assert.Equal(Math.Round(low, 4), summary.SuccessRateLow);
        Assert.Equal(Math.Round(high, 4), summary.SuccessRateHigh);
        // The crashed seed's figures are not results: the statistics cover the three completed seeds.
        Assert.True(JToken.DeepEquals(
            JObject.Parse("""
                {
                  "bob.bitsWrong": { "median": 0.2, "min": 0.1, "max": 3.0, "seeds": 3 },
                  "eve.bitsWrong": { "median": 6.5, "min": 6.0, "max": 7.0, "seeds": 2 }
                }
                """),
            JToken.Parse(ResultJson.ToText(summary.Metrics))));
        Assert.Equal("completed-with-crashes", summary.Status);
    }

    private static SeedOutcome Outcome(int seed, string status, bool success, Dictionary<string, double> metrics) =>
        new(seed, status, success, 100, metrics, "verdict", 1.0);
}
