using Anc.Manifests;
using Anc.Training;
using Microsoft.Extensions.DependencyInjection;

namespace MyPlugin.Tests;

public sealed class ChannelTrainingTests
{
    [Fact]
    public async Task Bob_learns_to_decrypt_when_the_example_manifest_is_trained()
    {
        ServiceCollection services = new();
        services.AddAnc(options => options.AddPlugin(new Plugin()));
        using ServiceProvider provider = services.BuildServiceProvider();
        IExperimentRunner runner = provider.GetRequiredService<IExperimentRunner>();
        string runs = Directory.CreateTempSubdirectory("myplugin-runs-").FullName;

        RunResult result = await runner.RunAsync(ManifestSource.FromFile(Path.Combine(AppContext.BaseDirectory, "manifests", "channel.json")), runs);

        SeedOutcome seed = Assert.Single(result.Seeds);
        Assert.Equal(SeedStatus.Completed, seed.Status);
        // Four bits: guessing gets two wrong; a Bob who learned to decrypt gets almost none.
        Assert.True(seed.Metrics["bob.bitsWrong"] < 0.25, $"Bob gets {seed.Metrics["bob.bitsWrong"]} of 4 bits wrong.");
        Assert.True(File.Exists(Path.Combine(result.RunDirectory, "summary.json")));
    }
}
