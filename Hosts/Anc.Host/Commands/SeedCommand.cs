using System.CommandLine;
using Anc.Host.Console;
using Anc.Training;
using Anc.Training.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary>
/// <c>anc-host seed</c> (hidden): trains one seed of a parallel run in this process, as the run
/// that started it asks (see <see cref="SeedWorker"/>); not meant to be typed.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        Argument<string> runDirectory = new("run-directory") { Description = "The run directory; its manifest.json says what to train." };
        Option<int> seed = new("--seed") { Description = "The seed to train.", Required = true };
        Option<int> threads = new("--threads") { Description = "Torch's intra-op threads.", DefaultValueFactory = _ => 1 };
        Command command = new("seed", "Train one seed of a parallel run (started by anc-host run --parallel).")
        {
            runDirectory,
            seed,
            threads,
        };
        command.Hidden = true;
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            // Ctrl+C reaches the whole process group; the run that started this seed stops it, by closing its standard input.
            System.Console.CancelKeyPress += (_, e) => e.Cancel = true;
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            SeedOutcome outcome = host.Services.GetRequiredService<SeedWorker>()
                .Train(new SeedAssignment(parse.GetValue(runDirectory)!, parse.GetValue(seed), parse.GetValue(threads)));
            return outcome.Success ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }
}
