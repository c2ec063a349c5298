using System.Globalization;
using System.Reflection;
using Anc.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Training.Processes;

/// <summary>
/// The entry of a program started to train one seed of a parallel run or of a trial that shares
/// its worker: the command line <see cref="SeedAssignment.Arguments"/> writes, read back here, so
/// that a program that trains seeds in processes of their own (anc-host, anc-worker, or an
/// embedding service's) starts its <c>Main</c> with <see cref="Run"/> instead of a verb of its own.
/// </summary>
public static class SeedProcess
{
    /// <summary>The first argument of a seed process's command line.</summary>
    public const string Verb = "seed";

    /// <summary>
    /// Trains the seed <paramref name="args"/> assign, with the plugins next to
    /// <paramref name="program"/> and the folders the command line names, where
    /// <paramref name="args"/> start with <see cref="Verb"/>; returns the exit code (0 the seed
    /// succeeded, 1 it did not, 2 the command line or the run directory is wrong, said in one
    /// line on standard error), or null for any other command line.
    /// </summary>
    public static int? Run(IReadOnlyList<string> args, Assembly program)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(program);
        if (args.Count == 0 || args[0] != Verb)
        {
            return null;
        }

        try
        {
            (SeedAssignment assignment, IReadOnlyList<string> pluginFolders) = Parse(args);
            // Ctrl+C reaches the whole process group; the run that started this seed stops it by closing its standard input.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            using ServiceProvider services = new ServiceCollection()
                .AddAnc(options => options.AddProgramPlugins(program, pluginFolders))
                .BuildServiceProvider();
            return services.GetRequiredService<SeedWorker>().Train(assignment).Success ? 0 : 1;
        }
        catch (AncInputException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    /// <summary>Reads a command line that <see cref="SeedAssignment.Arguments"/> wrote.</summary>
    /// <exception cref="AncInputException">It is not one.</exception>
    public static (SeedAssignment Assignment, IReadOnlyList<string> PluginFolders) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 2 || args[0] != Verb || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw Wrong("it needs a run directory");
        }

        int? seed = null;
        int threads = 1;
        List<string> plugins = [];
        for (int i = 2; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                throw Wrong($"{args[i]} needs a value");
            }

            string value = args[i + 1];
            switch (args[i])
            {
                case "--seed":
                    seed = Number(args[i], value);
                    break;
                case "--threads":
                    threads = Number(args[i], value);
                    break;
                case "--plugins":
                    plugins.Add(value);
                    break;
                default:
                    throw Wrong($"unknown option {args[i]}");
            }
        }

        return seed is { } given
            ? (new SeedAssignment(args[1], given, threads), plugins)
            : throw Wrong("--seed is required");
    }

    private static int Number(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && (option != "--threads" || number >= 1)
            ? number
            : throw Wrong($"{option} {value} is not a {(option == "--threads" ? "positive " : string.Empty)}whole number");

    private static AncInputException Wrong(string why) =>
        new($"{Verb}: {why}; this command line is written by a run that trains seeds in processes of their own (SeedAssignment.Arguments), not typed.");
}
