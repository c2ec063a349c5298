namespace Anc.Cluster.Sweeps;

/// <summary>The registry of active sweeps, kept in the "anc" grain storage so that it survives restarts.</summary>
/// <param name="state">The registry's durable state.</param>
public sealed class SweepRegistryGrain(
    [PersistentState("registry", AncStorage.Name)] IPersistentState<SweepRegistryState> state) : Grain, ISweepRegistryGrain
{
    /// <inheritdoc />
    public async Task Add(string sweepId)
    {
        if (!state.State.Sweeps.Contains(sweepId, StringComparer.Ordinal))
        {
            state.State.Sweeps.Add(sweepId);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task Remove(string sweepId)
    {
        if (state.State.Sweeps.Remove(sweepId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Active() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Sweeps]);
}
