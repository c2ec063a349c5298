namespace Anc.Results;

/// <summary>A plugin a run loaded, in <see cref="EnvironmentFile"/>.</summary>
/// <param name="Name">Its assembly's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Folder">Where it was loaded from.</param>
public sealed record PluginVersion(string Name, string Version, string Folder);
