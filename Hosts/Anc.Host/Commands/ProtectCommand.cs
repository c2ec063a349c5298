using System.CommandLine;
using Anc.Ciphers;
using Anc.Host.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host protect</c>: releases a table through a trained selective protection.</summary>
internal static class ProtectCommand
{
    public static Command Create()
    {
        Argument<string> runDirectory = new("run-dir") { Description = "A finished selective-protection run trained on a table (data 'csv')." };
        Option<string> input = new("--input") { Description = "The table to release (.csv) with the run's A, B and C columns.", Required = true };
        Option<string> output = new("--output") { Description = "The released table to write (.csv): D-public and the ciphertext per row, never C. Must not exist.", Required = true };
        Option<string?> keys = new("--keys") { Description = "Also write each row's key here (.csv): Bob needs it to estimate D. Must not exist." };
        Option<int?> seed = new("--seed") { Description = "The run's seed to use (default: the first that succeeded)." };
        Option<long?> keySeed = new("--key-seed") { Description = "Fix the keys' random stream (default: a seed from the operating system's secure generator)." };
        Command command = new("protect", "Release a table through a trained selective protection: Alice's D-public and ciphertext for each row, without C.")
        {
            runDirectory,
            input,
            output,
            keys,
            seed,
            keySeed,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            int rows = host.Services.GetRequiredService<TableProtector>().Protect(
                parse.GetValue(runDirectory)!, parse.GetValue(seed), parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(keys), parse.GetValue(keySeed));
            System.Console.WriteLine($"{Path.GetFullPath(parse.GetValue(output)!)}: {rows} row(s) released (D-public and the ciphertext; no C)");
            if (parse.GetValue(keys) is { } written)
            {
                System.Console.WriteLine($"{Path.GetFullPath(written)}: their keys; keep them apart from the released table");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
