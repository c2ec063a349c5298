using Anc.Cluster.Hosting;
using Anc.PluginHosting;
using Anc.Training.Processes;
using Anc.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Seeds of trials that share this worker train in processes of this program, started with SeedProcess's command line.
if (SeedProcess.Run(args, typeof(WorkerCommand).Assembly) is { } seedExit)
{
    return seedExit;
}

return await WorkerCommand.Create(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(WorkerSettings settings, CancellationToken cancellationToken)
{
    try
    {
        await settings.Cluster.VerifyAsync();
    }
    catch (ClusterAccessException e)
    {
        await Console.Error.WriteLineAsync($"--cluster {settings.Cluster}: {e.Message}");
        return 2;
    }

    HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
    builder.Logging.ClearProviders();
    // Orleans' notes about the garbage collector and a slow start on a busy machine are not the operator's business.
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Anc", LogLevel.Information)
        .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
    builder.Services.AddAnc(options => options.AddProgramPlugins(typeof(WorkerCommand).Assembly, settings.PluginFolders));
    builder.UseOrleans(silo =>
    {
        silo.UseAncCluster(settings.Cluster, settings.SiloPort, settings.GatewayPort, settings.Address)
            .AddAncSweepQueue(options => options.LeaseTime = settings.LeaseTime)
            .AddAncSweepWorker(options =>
            {
                options.Slots = settings.Slots;
                // Machine and process: what an operator looks for when a trial's worker is named.
                options.WorkerId = $"{Environment.MachineName}:{Environment.ProcessId}";
            })
            .AddAncTrialExecutor(options => options.SweepsRoot = settings.SweepsRoot);
        if (settings.Tls is { } tls)
        {
            silo.UseAncTls(tls);
        }
    });

    builder.Services.AddSingleton<IFatalErrorHandler, WorkerFatalErrorHandler>();
    using IHost host = builder.Build();
    foreach (PluginFault fault in host.Services.GetRequiredService<PluginCatalog>().Faults)
    {
        await Console.Error.WriteLineAsync($"warning: {fault.Message}");
    }

    Console.WriteLine($"anc-worker: joining {settings.Cluster} as silo port {settings.SiloPort}, gateway port {settings.GatewayPort}, {settings.Slots} trial(s) at once, writing under {settings.SweepsRoot}");
    await host.RunAsync(cancellationToken);
    return 0;
}
