using System.Diagnostics;
using System.Reflection;
using Anc.PluginHosting;
using Anc.Training;
using Anc.Training.Processes;

namespace Anc.Hosting;

/// <summary>How <c>AddAnc</c> finds plugins, and how the application starts a seed process.</summary>
public sealed class AncOptions
{
    /// <summary>Folders to load plugins from.</summary>
    public IList<PluginFolder> PluginFolders { get; } = [];

    /// <summary>Plugins already in the process (an embedder's own), registered as if loaded from a folder.</summary>
    public IList<IAncPlugin> Plugins { get; } = [];

    /// <summary>
    /// How to start a process that trains one seed of a parallel run (<see cref="RunSettings.Parallel"/>
    /// above 1): a command that runs <see cref="SeedWorker.Train(SeedAssignment)"/> with the
    /// assignment, in an application with the same plugins. <c>anc-host</c> starts itself with a
    /// hidden verb. Without it, runs train their seeds one after another in this process.
    /// </summary>
    public Func<SeedAssignment, ProcessStartInfo>? SeedProcess { get; set; }

    /// <summary>Adds a folder the user named; a missing or empty one is an error.</summary>
    public AncOptions AddPluginFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PluginFolders.Add(new PluginFolder(path, Required: true));
        return this;
    }

    /// <summary>The folder of the plugins that ship with a program: <c>plugins/</c> next to it.</summary>
    public static string ProgramPluginsFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>
    /// Sets up a command-line program such as <c>anc-host</c> or <c>anc-worker</c>: the plugins in
    /// <see cref="ProgramPluginsFolder"/> (where there are any), the folders the user named, and
    /// seed processes that start <paramref name="program"/> again with its hidden <c>seed</c> verb
    /// and the same folders (<see cref="SeedAssignment.StartThisProgram"/>).
    /// </summary>
    public AncOptions AddProgramPlugins(Assembly program, IReadOnlyList<string> pluginFolders)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(pluginFolders);
        PluginFolders.Add(new PluginFolder(ProgramPluginsFolder, Required: false));
        foreach (string folder in pluginFolders)
        {
            AddPluginFolder(folder);
        }

        SeedProcess = assignment => assignment.StartThisProgram(program, pluginFolders);
        return this;
    }

    /// <summary>Adds a plugin instance from the embedding application.</summary>
    public AncOptions AddPlugin(IAncPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        Plugins.Add(plugin);
        return this;
    }
}
