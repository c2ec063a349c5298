using Anc.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Worker;

/// <summary>
/// The one place where the worker learns how to train a trial: the ANC runtime with the built-in
/// plugins and the worker's <c>--plugins</c>, and <see cref="AncTrialExecutor"/> over the
/// framework's <see cref="Anc.Sweeps.TrialRunner"/>, so a trial trains here exactly as
/// <c>anc-host sweep</c> trains it on one machine.
/// </summary>
internal static class TrialExecution
{
    /// <summary>Registers the ANC runtime and the trial executor.</summary>
    public static void ConfigureTrials(IServiceCollection services, IReadOnlyList<string> pluginFolders, int slots)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(pluginFolders);
        AddAnc(services, pluginFolders);
        services.AddSingleton<ITrialExecutor>(provider => new AncTrialExecutor(provider.GetRequiredService<Anc.Sweeps.TrialRunner>(), slots));
    }

    /// <summary>The ANC runtime with the built-in plugins and <paramref name="pluginFolders"/>; seeds of trials that share the worker train in <c>anc-worker seed</c> processes.</summary>
    public static void AddAnc(IServiceCollection services, IReadOnlyList<string> pluginFolders) =>
        services.AddAnc(options => options.AddProgramPlugins(typeof(TrialExecution).Assembly, pluginFolders));
}
