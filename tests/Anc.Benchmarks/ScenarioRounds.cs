using Anc.Benchmarking;
using Anc.Manifests;
using Anc.Scenarios;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Benchmarks;

/// <summary>
/// One training round of each built-in scenario, at its shipped manifest's settings (the
/// symmetric and public-key ones at the paper's N=16 and batch 4096). The experiment is built
/// as <c>anc-host run</c> builds a seed's, with the plugins loaded from this program's
/// <c>plugins/</c> folder; only the round itself is measured.
/// </summary>
public class ScenarioRounds
{
    private ServiceProvider? _services;
    private IExperiment? _experiment;
    private long _step;

    /// <summary>Builds the symmetric experiment of the paper's manifest.</summary>
    [GlobalSetup(Target = nameof(SymmetricRound))]
    public void SetUpSymmetric() => SetUp("symmetric-paper.json");

    /// <summary>Builds the public-key experiment of the paper's manifest.</summary>
    [GlobalSetup(Target = nameof(PublicKeyRound))]
    public void SetUpPublicKey() => SetUp("public-key-paper.json");

    /// <summary>Builds the selective-protection experiment of its shipped manifest.</summary>
    [GlobalSetup(Target = nameof(SelectiveProtectionRound))]
    public void SetUpSelectiveProtection() => SetUp("selective-protection.json");

    /// <summary>Drops the experiment and its services.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        _experiment?.Dispose();
        _services?.Dispose();
    }

    /// <summary>The symmetric round: one Alice-Bob step, then two Eve steps; N=16, batch 4096.</summary>
    [Benchmark(Description = "symmetric round (N=16, batch 4096)")]
    public RoundResult SymmetricRound() => _experiment!.TrainRound(++_step);

    /// <summary>The public-key round: one step of key generator, Alice and Bob, then two Eve steps; N=16, batch 4096.</summary>
    [Benchmark(Description = "public-key round (N=16, batch 4096)")]
    public RoundResult PublicKeyRound() => _experiment!.TrainRound(++_step);

    /// <summary>The selective-protection round: one Alice-Bob step, then Eve's; batch 512.</summary>
    [Benchmark(Description = "selective-protection round (batch 512)")]
    public RoundResult SelectiveProtectionRound() => _experiment!.TrainRound(++_step);

    private void SetUp(string manifest)
    {
        ServiceCollection services = new();
        services.AddAnc(options => options.AddPluginFolder(Path.Combine(AppContext.BaseDirectory, "plugins")));
        _services = services.BuildServiceProvider();
        ResolvedManifest resolved = _services.GetRequiredService<ManifestReader>().Read(Path.Combine(AppContext.BaseDirectory, "manifests", manifest));
        _experiment = _services.GetRequiredService<TrainingBenchmark>().CreateExperiment(resolved);
        _step = 0;
    }
}
