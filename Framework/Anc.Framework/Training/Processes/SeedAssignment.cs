using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Anc.Training.Processes;

/// <summary>
/// What a parallel run hands to the process that trains one of its seeds: the run directory,
/// whose <c>manifest.json</c> says what to train, the seed, and the torch threads it may use.
/// The seed goes on from its latest checkpoint where its folder has one (a resumed run's).
/// </summary>
/// <param name="RunDirectory">The run directory's full path.</param>
/// <param name="Seed">The seed to train.</param>
/// <param name="Threads">Torch's intra-op threads for this seed.</param>
public sealed record SeedAssignment(string RunDirectory, int Seed, int Threads)
{
    /// <summary>
    /// The command line of a seed process (<see cref="SeedProcess"/>, which anc-host and anc-worker start with) that
    /// trains this assignment with <paramref name="pluginFolders"/> besides the built-in plugins.
    /// </summary>
    public IEnumerable<string> Arguments(IEnumerable<string> pluginFolders)
    {
        ArgumentNullException.ThrowIfNull(pluginFolders);
        List<string> arguments = ["seed", RunDirectory, "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--threads", Threads.ToString(CultureInfo.InvariantCulture)];
        foreach (string folder in pluginFolders)
        {
            arguments.AddRange(["--plugins", Path.GetFullPath(folder)]);
        }

        return arguments;
    }

    /// <summary>
    /// Starts this program again with this assignment's <see cref="Arguments"/>: its own
    /// executable, or, where it runs as <c>dotnet app.dll</c>, dotnet with <paramref name="entry"/>'s file.
    /// </summary>
    public ProcessStartInfo StartThisProgram(Assembly entry, IEnumerable<string> pluginFolders)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string program = Environment.ProcessPath ?? "dotnet";
        ProcessStartInfo start = new(program);
        if (Path.GetFileNameWithoutExtension(program).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry.Location);
        }

        foreach (string argument in Arguments(pluginFolders))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
