using Anc.Components;
using Anc.PluginHosting;

namespace Anc.Manifests;

/// <summary>A plugin's component failed; the message names the plugin and the component.</summary>
public sealed class ComponentFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComponentFaultException(string plugin, ComponentDescriptor component, Exception cause)
        : base($"{PluginCatalog.KindName(component.Kind)} '{component.Name}' of plugin '{plugin}' failed: {cause.GetType().Name}: {cause.Message.Split('\n', 2)[0].Trim()}", cause)
    {
        Plugin = plugin;
        Component = component;
    }

    /// <summary>The plugin that contributes the component.</summary>
    public string Plugin { get; }

    /// <summary>The component that failed.</summary>
    public ComponentDescriptor Component { get; }
}
