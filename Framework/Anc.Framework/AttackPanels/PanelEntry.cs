using Anc.Manifests;

namespace Anc.AttackPanels;

/// <summary>One adversary of an <see cref="AttackPanel"/>.</summary>
/// <param name="Label">The panel's name for it (its key in the panel file).</param>
/// <param name="Attack">The attack component and its bound options.</param>
public sealed record PanelEntry(string Label, ResolvedComponent Attack);
