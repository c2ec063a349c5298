using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Anc.Cluster.Tests;

public sealed class TrialWorkerTests
{
    [Fact]
    public async Task Two_workers_finish_six_trials_each_result_once()
    {
        var executor = new RecordingExecutor(TimeSpan.FromMilliseconds(400));
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(AncStorage.Name);
            silo.Services.AddSingleton<ITrialExecutor>(executor);
            silo.AddAncSweepWorker(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var sweeps = new SweepClusterClient(cluster.Client);
        var sweepId = Trials.NewSweepId();

        await sweeps.SubmitAsync(sweepId, Trials.Specs(6));
        var status = await sweeps.GetStatusAsync(sweepId);
        for (var waited = 0; !status.IsFinished && waited < 300; waited++)
        {
            await Task.Delay(100);
            status = await sweeps.GetStatusAsync(sweepId);
        }

        Assert.True(status.IsFinished, $"{status.Done} of 6 trials done");
        Assert.Equal(6, status.Succeeded);
        Assert.Equal(Trials.Specs(6).Select(spec => spec.Id), executor.Runs.Select(run => run.TrialId).Order());
        Assert.All(executor.Runs, run => Assert.Equal((1, 1), (run.Attempt, run.ThreadPoolThread)));
        Assert.All(status.Trials, trial => Assert.Equal((1, 1), (trial.Attempts, trial.Result!.Attempt)));
        Assert.Equal(2, status.Trials.Select(trial => trial.Result!.Worker.Split('/')[0]).Distinct().Count());
        Assert.DoesNotContain(sweepId, await sweeps.ActiveSweepsAsync());
        await cluster.StopAllSilosAsync();
    }
}
