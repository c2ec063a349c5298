using Anc.Cluster.Hosting;
using Anc.Cluster.Workers;
using Anc.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

return await WorkerCommand.Create(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(WorkerSettings settings, CancellationToken cancellationToken)
{
    var builder = Host.CreateApplicationBuilder();
    TrialExecution.ConfigureTrials(builder.Services);
    if (!builder.Services.Any(service => service.ServiceType == typeof(ITrialExecutor)))
    {
        await Console.Error.WriteLineAsync(
            $"anc-worker cannot train: no {nameof(ITrialExecutor)} is registered (Hosts/Anc.Worker/TrialExecution.cs, ConfigureTrials, registers the trainer).");
        return 3;
    }

    builder.UseOrleans(silo => silo
        .UseAncCluster(settings.Cluster, settings.SiloPort, settings.GatewayPort)
        .AddAncSweepWorker(options => options.Slots = settings.Slots));
    using var host = builder.Build();
    await host.RunAsync(cancellationToken);
    return 0;
}
