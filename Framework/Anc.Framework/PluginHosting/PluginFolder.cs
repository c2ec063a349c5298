namespace Anc.PluginHosting;

/// <summary>A folder to look for plugins in.</summary>
/// <param name="Path">The folder: a plugin folder itself, or a folder of plugin folders.</param>
/// <param name="Required">Whether a missing or empty folder is an error (it is for folders the user named).</param>
public sealed record PluginFolder(string Path, bool Required);
