using System.CommandLine;
using Anc.Exports;
using Anc.Host.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host export</c>: writes a finished run's trained networks in a format other tools read.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        Argument<string> runDirectory = new("run-dir") { Description = "A run's directory (one anc-host run wrote); its seeds that finished training are exported." };
        Option<int?> seed = new("--seed") { Description = "Export this seed only (default: every seed that finished training)." };
        Option<string> format = new("--format") { Description = "The format: pytorch (state_dict files torch.load reads, and anc_torch.py to rebuild the networks).", Required = true };
        format.AcceptOnlyFromAmong("pytorch");
        Option<string?> output = new("--output") { Description = "The folder to write (default: <run-dir>/exports/pytorch)." };
        Command command = new("export", "Write each finished seed's trained networks (every party's) for use outside ANC: PyTorch state_dicts, their description and a Python module that loads them.")
        {
            runDirectory,
            seed,
            format,
            output,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            string run = parse.GetValue(runDirectory)!;
            string folder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(run, "exports", "pytorch"));
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            IReadOnlyList<int> seeds = host.Services.GetRequiredService<PyTorchExport>().Export(run, folder, parse.GetValue(seed));
            foreach (int s in seeds)
            {
                System.Console.WriteLine($"seed {s}: {Path.Combine(folder, $"seed-{s}")}");
            }

            System.Console.WriteLine($"{folder}: {seeds.Count} seed(s) exported; in Python, from that folder: import anc_torch; anc_torch.load(\"seed-{seeds[0]}\")");
            return ExitCodes.Success;
        }));
        return command;
    }
}
