using Anc.Components;

namespace Anc.PluginHosting;

/// <summary>A plugin the host has loaded and the components it registered.</summary>
/// <param name="Name">The plugin's id from its folder's <c>anc-plugin.json</c>, or else its assembly name.</param>
/// <param name="Version">Its version from <c>anc-plugin.json</c>, or else its assembly's informational version.</param>
/// <param name="Folder">The folder it was loaded from, or <c>(in process)</c> for one added by an embedder.</param>
/// <param name="Components">The components it registered, in registration order.</param>
public sealed record LoadedPlugin(string Name, string Version, string Folder, IReadOnlyList<ComponentDescriptor> Components);
