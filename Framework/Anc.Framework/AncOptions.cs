using Anc.Plugins;

namespace Anc;

/// <summary>How <c>AddAnc</c> finds plugins.</summary>
public sealed class AncOptions
{
    /// <summary>Folders to load plugins from.</summary>
    public IList<PluginFolder> PluginFolders { get; } = [];

    /// <summary>Plugins already in the process (an embedder's own), registered as if loaded from a folder.</summary>
    public IList<IAncPlugin> Plugins { get; } = [];

    /// <summary>Adds a folder the user named; a missing or empty one is an error.</summary>
    public AncOptions AddPluginFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PluginFolders.Add(new PluginFolder(path, Required: true));
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
