using Microsoft.Extensions.DependencyInjection;

namespace Anc.Worker;

/// <summary>
/// The one place where the worker learns how to train a trial: registers the <see cref="Anc.Cluster.Workers.ITrialExecutor"/>
/// (the framework's trainer, once it exists). Until then nothing is registered and the worker refuses to start, saying so,
/// rather than pretending to train.
/// </summary>
internal static class TrialExecution
{
    /// <summary>Registers the trial executor and whatever it needs.</summary>
    /// <param name="services">The worker's services.</param>
    public static void ConfigureTrials(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
