using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Tests;

public sealed class SweepGrainTests(SweepClusterFixture fixture) : IClassFixture<SweepClusterFixture>
{
    [Fact]
    public async Task Submitting_again_keeps_the_state_of_known_trials_and_adds_new_ones()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        var first = await sweep.Submit(Trials.Specs(2));
        var lease = await sweep.Lease("w1");
        Assert.NotNull(lease);

        var again = await sweep.Submit(Trials.Specs(3));

        Assert.Equal(2, first.Pending);
        Assert.Equal(["t0", "t1", "t2"], again.Trials.Select(trial => trial.Id));
        Assert.Equal(TrialState.Running, again.Trials[0].State);
        Assert.Equal("w1", again.Trials[0].Worker);
        Assert.Equal(1, again.Trials[0].Attempts);
        Assert.Equal(2, again.Pending);
    }

    [Fact]
    public async Task Leases_hand_each_trial_out_once_then_nothing()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(3));

        var leases = await Task.WhenAll(Enumerable.Range(0, 5).Select(index => sweep.Lease($"w{index}")));

        var handed = leases.OfType<TrialLease>().ToList();
        Assert.Equal(["t0", "t1", "t2"], handed.Select(lease => lease.TrialId).Order());
        Assert.All(handed, lease => Assert.Equal(1, lease.Attempt));
        Assert.Equal(3, (await sweep.GetStatus()).Running);
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_worker_and_the_old_attempt_may_not_renew()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(1));
        var first = await sweep.Lease("dead");
        Assert.NotNull(first);
        Assert.True(await sweep.Renew("t0", 1, new TrialProgress(10, 0.5, "going")));
        Assert.Null(await sweep.Lease("other"));

        fixture.Clock.Advance(SweepClusterFixture.LeaseTime + TimeSpan.FromSeconds(1));
        var second = await sweep.Lease("alive");

        Assert.NotNull(second);
        Assert.Equal(("t0", 2), (second.TrialId, second.Attempt));
        Assert.False(await sweep.Renew("t0", 1, new TrialProgress(11, null, null)));
        Assert.True(await sweep.Renew("t0", 2, new TrialProgress(12, null, null)));
        var status = (await sweep.GetStatus()).Trials.Single();
        Assert.Equal(("alive", 2, 12), (status.Worker, status.Attempts, status.Progress!.Step));
    }

    [Fact]
    public async Task A_renewed_lease_does_not_expire()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(1));
        await sweep.Lease("w1");

        fixture.Clock.Advance(SweepClusterFixture.LeaseTime * 0.75);
        Assert.True(await sweep.Renew("t0", 1, new TrialProgress(1, null, null)));
        fixture.Clock.Advance(SweepClusterFixture.LeaseTime * 0.75);

        Assert.Null(await sweep.Lease("w2"));
    }

    [Fact]
    public async Task A_result_is_recorded_once_even_from_an_older_attempt()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(2));
        var old = (await sweep.Lease("slow"))!;
        fixture.Clock.Advance(SweepClusterFixture.LeaseTime + TimeSpan.FromSeconds(1));
        var again = (await sweep.Lease("fast"))!;
        Assert.Equal((old.TrialId, 2), (again.TrialId, again.Attempt));
        var other = (await sweep.Lease("fast"))!;

        Assert.True(await sweep.Complete(Trials.Result(old, "slow")));
        Assert.False(await sweep.Complete(Trials.Result(again, "fast")));
        Assert.False(await sweep.Renew(again.TrialId, again.Attempt, new TrialProgress(1, null, null)));
        Assert.True(await sweep.Complete(Trials.Result(other, "fast")));
        Assert.False(await sweep.Complete(Trials.Result(other, "fast")));
        Assert.False(await sweep.Complete(new TrialResult("unknown", "completed", true, "{}", "w", 1)));

        var status = await sweep.GetStatus();
        Assert.True(status.IsFinished);
        Assert.Equal(2, status.Trials.Count(trial => trial.Result is not null));
        Assert.Equal(("slow", 1), (status.Trials[0].Result!.Worker, status.Trials[0].Result!.Attempt));
    }

    [Fact]
    public async Task A_trial_its_worker_could_not_train_is_retried_when_the_sweep_is_submitted_again_and_a_trained_one_is_not()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(2));
        var broken = (await sweep.Lease("no-plugin"))!;
        var trained = (await sweep.Lease("fine"))!;
        Assert.True(await sweep.Complete(new TrialResult(broken.TrialId, TrialResult.Failed, false, """{"error":"no plugin"}""", "no-plugin", broken.Attempt)));
        Assert.True(await sweep.Complete(Trials.Result(trained, "fine")));
        Assert.Null(await sweep.Lease("idle"));

        var again = await sweep.Submit(Trials.Specs(2));
        var retry = await sweep.Lease("with-plugin");

        Assert.Equal((TrialState.Pending, TrialState.Done), (again.Trials[0].State, again.Trials[1].State));
        Assert.Equal((broken.TrialId, 2), (retry!.TrialId, retry.Attempt));
        Assert.Null(await sweep.Lease("idle"));
    }

    [Fact]
    public async Task A_released_trial_is_pending_again_at_once()
    {
        var sweep = fixture.Sweep(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(1));
        var lease = (await sweep.Lease("leaving"))!;

        Assert.False(await sweep.Release(lease.TrialId, lease.Attempt + 1));
        Assert.True(await sweep.Release(lease.TrialId, lease.Attempt));
        Assert.False(await sweep.Renew(lease.TrialId, lease.Attempt, new TrialProgress(1, null, null)));
        var next = await sweep.Lease("staying");

        Assert.Equal((lease.TrialId, 2), (next!.TrialId, next.Attempt));
    }

    [Fact]
    public async Task The_registry_lists_a_sweep_until_all_its_trials_are_done()
    {
        var sweepId = Trials.NewSweepId();
        var sweep = fixture.Sweep(sweepId);
        await sweep.Submit(Trials.Specs(2));
        Assert.Contains(sweepId, await fixture.Registry.Active());

        await sweep.Complete(Trials.Result((await sweep.Lease("w"))!, "w"));
        Assert.Contains(sweepId, await fixture.Registry.Active());
        await sweep.Complete(Trials.Result((await sweep.Lease("w"))!, "w"));

        Assert.DoesNotContain(sweepId, await fixture.Registry.Active());
        Assert.DoesNotContain(sweepId, await fixture.Sweeps.ActiveSweepsAsync());
    }

    [Fact]
    public async Task A_new_client_sees_the_sweep_where_it_is_after_the_grain_was_deactivated()
    {
        var sweepId = Trials.NewSweepId();
        await fixture.Sweeps.SubmitAsync(sweepId, Trials.Specs(3));
        var sweep = fixture.Sweep(sweepId);
        await sweep.Complete(Trials.Result((await sweep.Lease("w1"))!, "w1"));
        await sweep.Lease("w2");
        await sweep.Renew("t1", 1, new TrialProgress(7, 0.25, "half"));
        await fixture.Cluster.DeactivateAsync(sweep);

        await fixture.Cluster.StopClusterClientAsync();
        await fixture.Cluster.InitializeClientAsync();
        var resubmitted = await fixture.Sweeps.SubmitAsync(sweepId, Trials.Specs(3));
        var status = await fixture.Sweeps.GetStatusAsync(sweepId);

        Assert.Equal(resubmitted, status, SweepStatusComparer.Instance);
        Assert.Equal([TrialState.Done, TrialState.Running, TrialState.Pending], status.Trials.Select(trial => trial.State));
        Assert.Equal(new TrialProgress(7, 0.25, "half"), status.Trials[1].Progress);
        Assert.Equal((1, 1, 1), (status.Done, status.Running, status.Pending));
    }
}
