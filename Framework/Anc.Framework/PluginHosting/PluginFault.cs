namespace Anc.PluginHosting;

/// <summary>
/// A plugin the host refused: it could not be loaded, was built against an incompatible
/// Anc.Abstractions, or failed while registering its services. None of its services were
/// added; the other plugins load as usual.
/// </summary>
/// <param name="Name">The plugin's id (from <c>anc-plugin.json</c>) or assembly name.</param>
/// <param name="Folder">The folder it was found in, or <c>(in process)</c> for one added by an embedder.</param>
/// <param name="Message">One line naming the plugin and its folder, what went wrong and what to do.</param>
public sealed record PluginFault(string Name, string Folder, string Message);
