using Anc.Components;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>A component a manifest names, found in a plugin, with its options bound and checked.</summary>
/// <param name="Descriptor">The component.</param>
/// <param name="Options">Its options, an instance of <see cref="ComponentDescriptor.OptionsType"/>.</param>
/// <param name="Plugin">The name of the plugin that contributes it.</param>
public sealed record ResolvedComponent(ComponentDescriptor Descriptor, object Options, string Plugin)
{
    /// <summary>The component as the resolved manifest writes it: its name and every option.</summary>
    public JObject ToJson() => new()
    {
        ["name"] = Descriptor.Name,
        ["options"] = OptionsBinder.ToJson(Options),
    };
}
