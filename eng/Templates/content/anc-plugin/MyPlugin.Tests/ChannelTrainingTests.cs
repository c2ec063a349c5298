using Anc.Manifests;
using Anc.Training;
using Microsoft.Extensions.DependencyInjection;

namespace MyPlugin.Tests;

public sealed class ChannelTrainingTests
{
    [Fact]
    public async Task Bob_learns_to_decrypt_and_a_fresh_eavesdropper_does_not_when_the_example_manifest_is_trained()
    {
        ServiceCollection services = new();
        services.AddAnc(options => options.AddPlugin(new Plugin()));
        using ServiceProvider provider = services.BuildServiceProvider();
        IExperimentRunner runner = provider.GetRequiredService<IExperimentRunner>();
        string runs = Directory.CreateTempSubdirectory("myplugin-runs-").FullName;

        RunResult result = await runner.RunAsync(ManifestSource.FromFile(Path.Combine(AppContext.BaseDirectory, "manifests", "channel.json")), runs);

        SeedOutcome seed = Assert.Single(result.Seeds);
        Assert.Equal(SeedStatus.Completed, seed.Status);
        // Four bits: guessing gets two wrong. The example succeeds with Bob at most 0.5 wrong and a
        // fresh eavesdropper at least 1.0; it should do so with room to spare, as it did on every
        // seed measured (seeds 0-31: Bob 0.09 at worst, the eavesdropper 1.20 at worst), for the
        // trajectory of another CPU's rounding is as different as another seed's.
        double bob = seed.Metrics["bob.bitsWrong"], eve = seed.Metrics["freshEve.bitsWrong"];
        Assert.True(bob <= 0.25, $"Bob gets {bob} of 4 bits wrong: {seed.Message}");
        Assert.True(eve >= 1.0, $"A fresh eavesdropper gets only {eve} of 4 bits wrong: {seed.Message}");
        Assert.True(seed.Success, seed.Message);
        Assert.True(File.Exists(Path.Combine(result.RunDirectory, "summary.json")));
    }
}
