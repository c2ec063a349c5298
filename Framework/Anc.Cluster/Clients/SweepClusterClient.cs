using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Clients;

/// <summary>
/// What a client of the cluster does with sweeps, in plain calls: submit (again, after a reconnect: it is idempotent)
/// and watch. It hides the grain keys.
/// </summary>
/// <param name="client">The connected cluster client.</param>
public sealed class SweepClusterClient(IClusterClient client)
{
    /// <summary>Submits a sweep's trials; trials the sweep already knows keep their state.</summary>
    /// <param name="sweepId">The sweep's id, chosen by the client.</param>
    /// <param name="trials">The trials.</param>
    /// <returns>The sweep's status after the submission.</returns>
    public Task<SweepStatus> SubmitAsync(string sweepId, IReadOnlyList<TrialSpec> trials) =>
        client.GetGrain<ISweepGrain>(sweepId).Submit(trials);

    /// <summary>The sweep's trials as they stand.</summary>
    /// <param name="sweepId">The sweep's id.</param>
    public Task<SweepStatus> GetStatusAsync(string sweepId) => client.GetGrain<ISweepGrain>(sweepId).GetStatus();

    /// <summary>The sweeps that still have unfinished trials.</summary>
    public Task<IReadOnlyList<string>> ActiveSweepsAsync() =>
        client.GetGrain<ISweepRegistryGrain>(ISweepRegistryGrain.Key).Active();
}
