using Anc.Components;
using Anc.Diagnostics;
using Anc.PluginHosting;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>Reads component references, in manifests and attack panels alike, against the loaded plugins' catalog.</summary>
internal sealed class ComponentReader(PluginCatalog catalog)
{
    /// <summary>
    /// Reads the component reference <paramref name="token"/> at <paramref name="path"/> (a name, or
    /// <c>{"name": ..., "options": {...}}</c>), <paramref name="defaultName"/> where it is absent,
    /// binding its options; null, with a diagnostic in <paramref name="bag"/>, when it is wrong.
    /// </summary>
    public ResolvedComponent? Read(JToken parent, string path, JToken? token, ComponentKind kind, string? defaultName, DiagnosticBag bag)
    {
        string kindName = PluginCatalog.KindName(kind);
        string? name;
        JToken? options = null;
        JToken at = token ?? parent;
        switch (token)
        {
            case null when defaultName is null:
                bag.Add(parent, path, $"missing required field '{path.Split('.')[^1]}' (the {kindName} to use; {DidYouMean.Suggest(string.Empty, catalog.Names(kind))}).");
                return null;
            case null:
                name = defaultName;
                break;
            case JValue { Type: JTokenType.String } value:
                name = value.Value<string>();
                break;
            case JObject obj:
                foreach (JProperty unknown in obj.Properties().Where(p => p.Name is not ("name" or "options")))
                {
                    bag.Add(unknown, JsonPaths.Child(path, unknown.Name), $"unknown field '{unknown.Name}'; {(kindName[0] is 'a' ? "an" : "a")} {kindName} reference has 'name' and 'options'.");
                }

                JToken? nameToken = obj["name"];
                if (nameToken is null && defaultName is null)
                {
                    bag.Add(obj, path, $"missing required field 'name' (the {kindName} to use; {DidYouMean.Suggest(string.Empty, catalog.Names(kind))}).");
                    return null;
                }

                if (nameToken is not null && nameToken.Type != JTokenType.String)
                {
                    bag.Add(nameToken, JsonPaths.Child(path, "name"), $"expected a string, got {OptionsBinder.Describe(nameToken)}.");
                    return null;
                }

                name = nameToken?.Value<string>() ?? defaultName;
                at = nameToken ?? obj;
                options = obj["options"];
                break;
            default:
                bag.Add(token, path, $"expected the {kindName}'s name or {{\"name\": ..., \"options\": {{...}}}}, got {OptionsBinder.Describe(token)}.");
                return null;
        }

        if (name is null || !catalog.TryGet(kind, name, out ComponentDescriptor descriptor, out LoadedPlugin plugin))
        {
            bag.Add(at, at == token ? path : JsonPaths.Child(path, "name"), $"unknown {kindName} '{name}'; {DidYouMean.Suggest(name ?? string.Empty, catalog.Names(kind))}{WhereFrom()}.");
            return null;
        }

        object bound = OptionsBinder.Bind(descriptor.OptionsType, options, JsonPaths.Child(path, "options"), $"{kindName} '{name}'", bag, absentAt: at);
        return new ResolvedComponent(descriptor, bound, plugin.Name);
    }

    private string WhereFrom() => catalog.Faults.Count == 0
        ? "; if a plugin provides it, load that plugin's folder (anc-host --plugins <folder>)"
        : $"; {catalog.Faults.Count} plugin(s) were refused and may have provided it: {string.Join(", ", catalog.Faults.Select(f => $"'{f.Name}'"))} (see the plugin warnings)";
}
