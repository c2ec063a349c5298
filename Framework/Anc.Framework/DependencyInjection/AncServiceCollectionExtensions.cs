using Anc.AttackPanels;
using Anc.Benchmarking;
using Anc.Ciphers;
using Anc.Exports;
using Anc.Hosting;
using Anc.Kernels;
using Anc.Manifests;
using Anc.PluginHosting;
using Anc.Sweeps;
using Anc.Training;
using Anc.Training.Engine;
using Anc.Training.Processes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ANC runtime to a service collection.</summary>
public static class AncServiceCollectionExtensions
{
    /// <summary>
    /// Loads the plugins <paramref name="configure"/> names (now, because plugins register
    /// services) and adds the manifest reader, the composer, the trainer and
    /// <see cref="IExperimentRunner"/>, the way to run experiments. A plugin
    /// that cannot be loaded or registered is left out and listed in <see cref="PluginCatalog.Faults"/>.
    /// </summary>
    /// <exception cref="Anc.Diagnostics.AncInputException">A plugin folder named with <see cref="AncOptions.AddPluginFolder"/> is missing or empty, or two plugins register one name.</exception>
    public static IServiceCollection AddAnc(this IServiceCollection services, Action<AncOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AncOptions options = new();
        configure?.Invoke(options);

        services.AddSingleton(PluginLoading.Load(options.PluginFolders, options.Plugins, services));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TorchDevices>();
        services.TryAddSingleton<ComponentFactory>();
        services.TryAddSingleton<ManifestReader>();
        services.TryAddSingleton<ManifestSchema>();
        services.TryAddSingleton<KernelGuard>();
        services.TryAddSingleton<ExperimentComposer>();
        services.TryAddSingleton<SeedTrainer>();
        services.TryAddSingleton<SeedGroupTrainer>();
        services.TryAddSingleton<SeedWorker>();
        services.TryAddSingleton(new SeedProcesses(options.SeedProcess));
        services.TryAddSingleton<RunEngine>();
        services.TryAddSingleton<TrainingBenchmark>();
        services.TryAddSingleton<AttackPanelReader>();
        services.TryAddSingleton<RunAttacker>();
        services.TryAddSingleton<TrainedRuns>();
        services.TryAddSingleton<PyTorchExport>();
        services.TryAddSingleton<TableProtector>();
        services.TryAddSingleton<IExperimentRunner, BackgroundExperimentRunner>();
        services.TryAddSingleton<SweepReader>();
        services.TryAddSingleton(provider => new TrialRunner(provider.GetRequiredService<RunEngine>(), provider.GetRequiredService<ManifestReader>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new SweepRunner(provider.GetRequiredService<TrialRunner>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
