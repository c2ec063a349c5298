using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Anc.Manifests;

/// <summary>
/// Where a manifest comes from: a file, JSON text, or an object serialised to JSON. Every form
/// is read and checked the same way, with the same messages as <c>anc-host</c>'s.
/// </summary>
public sealed class ManifestSource
{
    // Property names become camelCase, as manifests spell them; dictionary keys (party names,
    // options given as dictionaries) and names set with [JsonProperty] stay as given.
    private static readonly JsonSerializer ObjectSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        NullValueHandling = NullValueHandling.Ignore,
    });

    private readonly Func<ManifestReader, ResolvedManifest> _read;

    private ManifestSource(string name, Func<ManifestReader, ResolvedManifest> read)
    {
        Name = name;
        _read = read;
    }

    /// <summary>How messages about the manifest name it: the file's path, or the name given.</summary>
    public string Name { get; }

    /// <summary>The manifest file at <paramref name="path"/>, read when the run starts, with <paramref name="overrides"/> applied.</summary>
    public static ManifestSource FromFile(string path, IReadOnlyList<ManifestOverride>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ManifestSource(path, reader => reader.Read(path, overrides));
    }

    /// <summary>A manifest as JSON text; messages call it <paramref name="name"/>.</summary>
    public static ManifestSource FromJson(string json, string name = "manifest")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ManifestSource(name, reader => reader.Parse(json, name));
    }

    /// <summary>
    /// A manifest as an object: a <see cref="JObject"/>, or any object (an anonymous one, a
    /// class of your own) serialised to JSON now, with camelCase property names and null
    /// properties left out. Messages call it <paramref name="name"/> and give lines of the JSON it became.
    /// </summary>
    public static ManifestSource FromObject(object manifest, string name = "manifest")
    {
        ArgumentNullException.ThrowIfNull(manifest);
        JToken json = manifest as JToken ?? JToken.FromObject(manifest, ObjectSerializer);
        return FromJson(json.ToString(Formatting.Indented), name);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads and checks the manifest against the loaded plugins.</summary>
    /// <exception cref="Diagnostics.AncInputException">The manifest is missing or wrong.</exception>
    internal ResolvedManifest Read(ManifestReader reader) => _read(reader);
}
