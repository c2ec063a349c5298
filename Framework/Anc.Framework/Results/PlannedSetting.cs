using Newtonsoft.Json.Linq;

namespace Anc.Results;

/// <summary>A setting of <see cref="SweepPlanFile"/>.</summary>
/// <param name="Id">Its id, from its resolved manifest.</param>
/// <param name="Label">Its changes as people read them.</param>
/// <param name="Overrides">Its changes to the base manifest: JSON path to value, in order.</param>
public sealed record PlannedSetting(string Id, string Label, IReadOnlyDictionary<string, JToken> Overrides);
