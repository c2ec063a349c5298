using Anc.Components;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.PluginHosting;
using Newtonsoft.Json.Linq;

namespace Anc.AttackPanels;

/// <summary>
/// Reads panel files: <c>{ "heldOutExamples": 10000, "alpha": 0.001, "attacks": { "&lt;label&gt;":
/// "&lt;attack&gt;" or { "name": "&lt;attack&gt;", "options": { ... } }, ... } }</c>. Every mistake is
/// reported at once, one line each with its line and column, as for manifests.
/// </summary>
public sealed class AttackPanelReader
{
    private readonly ComponentReader _components;

    /// <summary>Creates a reader over the loaded plugins.</summary>
    public AttackPanelReader(PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _components = new ComponentReader(catalog);
    }

    /// <summary>Reads the panel file at <paramref name="path"/>; the panel's source is its full path.</summary>
    /// <exception cref="AncInputException">The file is missing, unreadable or wrong.</exception>
    public AttackPanel Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = InputFile.Read(path, "panel");

        // Messages name the file as given; the panel records where it was, for attack.json.
        return Parse(text, path) with { Source = Path.GetFullPath(path) };
    }

    /// <summary>Reads panel text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="AncInputException">The panel is wrong.</exception>
    public AttackPanel Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        DiagnosticBag bag = new(source);
        JObject? root = ManifestReader.ParseJson(text, bag, "panel");
        if (root is null)
        {
            bag.ThrowIfAny();
            throw new AncInputException($"{source}: the panel is empty; it must be a JSON object such as {{ \"attacks\": {{ \"my-eve\": \"fresh-eve\" }} }}.");
        }

        JToken? attacksToken = root["attacks"];
        root.Remove("attacks");
        AttackPanelOptions options = (AttackPanelOptions)OptionsBinder.Bind(typeof(AttackPanelOptions), root, string.Empty, "the panel", bag);
        List<PanelEntry> entries = [];
        if (attacksToken is not JObject attacks || !attacks.HasValues)
        {
            bag.Add(attacksToken ?? root, "attacks", $"expected an object with one entry per attack, such as {{ \"my-eve\": \"fresh-eve\" }}, got {(attacksToken is null ? "nothing" : OptionsBinder.Describe(attacksToken))}.");
        }
        else
        {
            foreach (JProperty attack in attacks.Properties())
            {
                string path = JsonPaths.Child("attacks", attack.Name);
                if (_components.Read(attacks, path, attack.Value, ComponentKind.Attack, defaultName: null, bag) is { } component)
                {
                    entries.Add(new PanelEntry(attack.Name, component));
                }
            }
        }

        bag.ThrowIfAny();
        return new AttackPanel(source, options.HeldOutExamples, options.Alpha, entries);
    }
}
