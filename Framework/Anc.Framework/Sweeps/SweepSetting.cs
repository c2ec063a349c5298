using System.Globalization;
using Anc.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>
/// One point of a sweep: the base manifest with some values changed. Its id is a hash of the
/// manifest it resolves to (seeds aside), so the same experiment keeps its id however the sweep
/// file is edited around it, and a changed one (an edited base manifest too) gets a new id.
/// </summary>
/// <param name="Id">Sixteen hexadecimal digits of the SHA-256 of the resolved manifest without its seeds.</param>
/// <param name="Overrides">The values changed, path to value, in the sweep file's order.</param>
/// <param name="Manifest">The resolved manifest, with the sweep's seeds.</param>
public sealed record SweepSetting(string Id, IReadOnlyList<KeyValuePair<string, JToken>> Overrides, ResolvedManifest Manifest)
{
    /// <summary>The changes as people read them: <c>training.learningRate=0.004, ...</c>, or <c>base</c>.</summary>
    public string Label =>
        Overrides.Count == 0 ? "base" : string.Join(", ", Overrides.Select(o => $"{o.Key}={Show(o.Value)}"));

    /// <summary>A value as the label and the summary's table show it: numbers invariant, text unquoted.</summary>
    public static string Show(JToken value) => value switch
    {
        JValue { Type: JTokenType.String } text => (string)text!,
        JValue { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(Formatting.None),
    };
}
