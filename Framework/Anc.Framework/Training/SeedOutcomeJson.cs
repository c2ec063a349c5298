using Newtonsoft.Json.Linq;

namespace Anc.Training;

/// <summary>
/// A <see cref="SeedOutcome"/> as JSON: an entry of <c>summary.json</c>'s <c>runs</c>, and
/// <c>seed-&lt;n&gt;/outcome.json</c>, which a seed trained in a process of its own leaves for the run.
/// </summary>
internal static class SeedOutcomeJson
{
    public static JObject ToJson(SeedOutcome outcome) => new()
    {
        ["seed"] = outcome.Seed,
        ["status"] = outcome.Status,
        ["success"] = outcome.Success,
        ["steps"] = outcome.Steps,
        ["durationSeconds"] = Math.Round(outcome.DurationSeconds, 3),
        ["message"] = outcome.Message,
        ["metrics"] = JObject.FromObject(outcome.Metrics),
    };

    public static SeedOutcome FromJson(JObject json) => new(
        (int)json["seed"]!,
        (string)json["status"]!,
        (bool)json["success"]!,
        (long)json["steps"]!,
        ((JObject)json["metrics"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value, StringComparer.Ordinal),
        (string)json["message"]!,
        (double)json["durationSeconds"]!);
}
