using Anc.Components;
using Anc.Diagnostics;

namespace Anc.PluginHosting;

/// <summary>
/// Every loaded plugin and the components they contribute, looked up by kind and name, and the
/// plugins that were refused. Two plugins that register one name are refused with an error that
/// names both.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<(ComponentKind Kind, string Name), (ComponentDescriptor Descriptor, LoadedPlugin Plugin)> _components = [];

    /// <summary>Creates the catalog and checks that component names are unique per kind.</summary>
    /// <param name="plugins">The loaded plugins, in load order.</param>
    /// <param name="faults">The plugins that were refused, in the order found.</param>
    /// <exception cref="AncInputException">Two plugins register the same name.</exception>
    public PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginFault> faults)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(faults);
        Plugins = plugins;
        Faults = faults;
        List<InputDiagnostic> clashes = [];
        foreach (LoadedPlugin plugin in plugins)
        {
            foreach (ComponentDescriptor component in plugin.Components)
            {
                if (_components.TryGetValue((component.Kind, component.Name), out var existing))
                {
                    clashes.Add(InputDiagnostic.General(
                        $"{KindName(component.Kind)} '{component.Name}' is registered by plugin '{existing.Plugin.Name}' ({existing.Plugin.Folder}) " +
                        $"and by plugin '{plugin.Name}' ({plugin.Folder}); remove one of the two plugins or rename the component."));
                    continue;
                }

                _components[(component.Kind, component.Name)] = (component, plugin);
            }
        }

        if (clashes.Count > 0)
        {
            throw new AncInputException(clashes);
        }
    }

    /// <summary>The loaded plugins in load order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>The plugins that were refused; none of their components are in the catalog.</summary>
    public IReadOnlyList<PluginFault> Faults { get; }

    /// <summary>The lower-case word for a kind, as messages and manifests use it.</summary>
    public static string KindName(ComponentKind kind) => kind switch
    {
        ComponentKind.DataGenerator => "data generator",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Finds a component, or returns <see langword="false"/>.</summary>
    public bool TryGet(ComponentKind kind, string name, out ComponentDescriptor descriptor, out LoadedPlugin plugin)
    {
        if (_components.TryGetValue((kind, name), out var found))
        {
            (descriptor, plugin) = found;
            return true;
        }

        descriptor = null!;
        plugin = null!;
        return false;
    }

    /// <summary>The names of every component of a kind.</summary>
    public IEnumerable<string> Names(ComponentKind kind) =>
        _components.Keys.Where(k => k.Kind == kind).Select(k => k.Name);
}
