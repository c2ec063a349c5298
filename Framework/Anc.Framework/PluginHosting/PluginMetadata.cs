using Newtonsoft.Json.Linq;

namespace Anc.PluginHosting;

/// <summary>
/// What a plugin folder's <c>anc-plugin.json</c> (written by the plugin SDK at build) says
/// about the plugin, for display. Whether the plugin can run is decided from its assembly, not
/// from this file, which could be stale or hand-edited.
/// </summary>
/// <param name="Id">The plugin's id, if the file gives one.</param>
/// <param name="Version">The plugin's version, if the file gives one.</param>
internal sealed record PluginMetadata(string? Id, string? Version)
{
    public const string FileName = "anc-plugin.json";

    /// <summary>The metadata in <paramref name="folder"/>, or none when the folder has no such file.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The file is not a JSON object.</exception>
    public static PluginMetadata Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new PluginMetadata(null, null);
        }

        JObject json = JObject.Parse(File.ReadAllText(path));
        return new PluginMetadata(NonEmpty(json["id"]), NonEmpty(json["version"]));
    }

    private static string? NonEmpty(JToken? token) =>
        token?.Type == JTokenType.String && !string.IsNullOrWhiteSpace(token.Value<string>()) ? token.Value<string>() : null;
}
