using Newtonsoft.Json.Linq;

namespace Anc.Results;

/// <summary>An attack of <see cref="AttackPanelFile"/>.</summary>
/// <param name="Label">Its label in the panel.</param>
/// <param name="Attack">The attack component's name.</param>
/// <param name="Plugin">The plugin that contributes it.</param>
/// <param name="Options">Its resolved options, as its plugin's options class writes them (each attack has its own).</param>
public sealed record PanelAttackFile(string Label, string Attack, string Plugin, JObject Options);
