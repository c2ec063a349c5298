using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Anc.Cluster.Sweeps;

/// <summary>
/// A sweep's work queue. Every change is written to the "anc" grain storage before the call returns, so a silo that
/// goes down loses no lease, progress or result that a caller was told about. Calls are not interleaved (the grain is
/// not reentrant), which is what makes leasing and completing exactly-once.
/// </summary>
/// <param name="state">The sweep's durable state.</param>
/// <param name="options">The lease time.</param>
/// <param name="clock">The clock leases are measured with.</param>
public sealed class SweepGrain(
    [PersistentState("sweep", AncStorage.Name)] IPersistentState<SweepGrainState> state,
    IOptions<SweepQueueOptions> options,
    [FromKeyedServices(SweepQueueOptions.TimeProviderKey)] TimeProvider clock) : Grain, ISweepGrain
{
    private string SweepId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<SweepStatus> Submit(IReadOnlyList<TrialSpec> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var known = state.State.Trials.Select(trial => trial.Spec.Id).ToHashSet(StringComparer.Ordinal);
        var added = false;
        foreach (var spec in trials)
        {
            if (known.Add(spec.Id))
            {
                state.State.Trials.Add(new SweepTrialRecord { Spec = spec, State = TrialState.Pending });
                added = true;
            }
            else if (Find(spec.Id) is { State: TrialState.Done, Result.Status: TrialResult.Failed } failed)
            {
                // A trial its worker could not train (a plugin missing there, a full disk) is tried again when the sweep is submitted again.
                failed.State = TrialState.Pending;
                failed.Result = null;
                failed.Worker = null;
                added = true;
            }
        }

        if (added)
        {
            await state.WriteStateAsync();
        }

        await UpdateRegistryAsync();
        return Status();
    }

    /// <inheritdoc />
    public async Task<TrialLease?> Lease(string worker)
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var expired in state.State.Trials.Where(trial => trial.State == TrialState.Running && trial.LeaseUntil <= now))
        {
            expired.State = TrialState.Pending;
            expired.Worker = null;
            expired.LeaseUntil = null;
            changed = true;
        }

        var next = state.State.Trials.FirstOrDefault(trial => trial.State == TrialState.Pending);
        if (next is not null)
        {
            next.State = TrialState.Running;
            next.Attempts++;
            next.Worker = worker;
            next.LeaseUntil = now + options.Value.LeaseTime;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        return next is null ? null : new TrialLease(SweepId, next.Spec.Id, next.Attempts, next.Spec);
    }

    /// <inheritdoc />
    public async Task<bool> Renew(string trialId, int attempt, TrialProgress progress)
    {
        if (Held(trialId, attempt) is not { } trial)
        {
            return false;
        }

        trial.LeaseUntil = clock.GetUtcNow() + options.Value.LeaseTime;
        trial.Progress = progress;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> Complete(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var trial = Find(result.TrialId);
        if (trial is null || trial.State == TrialState.Done)
        {
            return false;
        }

        trial.State = TrialState.Done;
        trial.Result = result;
        trial.Worker = result.Worker;
        trial.LeaseUntil = null;
        await state.WriteStateAsync();
        if (state.State.Trials.All(t => t.State == TrialState.Done))
        {
            // The last result: workers need not ask this sweep for work any more.
            await GrainFactory.GetGrain<ISweepRegistryGrain>(ISweepRegistryGrain.Key).Remove(SweepId);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<bool> Release(string trialId, int attempt)
    {
        if (Held(trialId, attempt) is not { } trial)
        {
            return false;
        }

        trial.State = TrialState.Pending;
        trial.Worker = null;
        trial.LeaseUntil = null;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public Task<SweepStatus> GetStatus() => Task.FromResult(Status());

    private SweepStatus Status() => new(SweepId, [.. state.State.Trials.Select(trial => trial.ToStatus())]);

    private SweepTrialRecord? Find(string trialId) =>
        state.State.Trials.FirstOrDefault(trial => string.Equals(trial.Spec.Id, trialId, StringComparison.Ordinal));

    private SweepTrialRecord? Held(string trialId, int attempt) =>
        Find(trialId) is { State: TrialState.Running } trial && trial.Attempts == attempt ? trial : null;

    private Task UpdateRegistryAsync()
    {
        var registry = GrainFactory.GetGrain<ISweepRegistryGrain>(ISweepRegistryGrain.Key);
        return state.State.Trials.All(trial => trial.State == TrialState.Done)
            ? registry.Remove(SweepId)
            : registry.Add(SweepId);
    }
}
