using System.CommandLine;
using Anc.Training;
using Anc.Training.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Worker;

/// <summary>
/// <c>anc-worker seed</c> (hidden): trains one seed of a trial in a process of its own, for a
/// worker whose trials share the machine (<c>--slots</c> above one); not meant to be typed.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        Argument<string> runDirectory = new("run-directory") { Description = "The trial's run directory; its manifest.json says what to train." };
        Option<int> seed = new("--seed") { Description = "The seed to train.", Required = true };
        Option<int> threads = new("--threads") { Description = "Torch's intra-op threads.", DefaultValueFactory = _ => 1 };
        Option<string[]> plugins = new("--plugins") { Description = "More plugin folders.", AllowMultipleArgumentsPerToken = false };
        Command command = new("seed", "Train one seed of a trial (started by the worker itself).") { runDirectory, seed, threads, plugins };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            // Ctrl+C reaches the whole process group; the worker stops this seed by closing its standard input.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
            TrialExecution.AddAnc(builder.Services, parse.GetValue(plugins) ?? []);
            using IHost host = builder.Build();
            SeedOutcome outcome = host.Services.GetRequiredService<SeedWorker>()
                .Train(new SeedAssignment(parse.GetValue(runDirectory)!, parse.GetValue(seed), parse.GetValue(threads)));
            return outcome.Success ? 0 : 1;
        });
        return command;
    }
}
