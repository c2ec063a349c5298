using Anc.Runs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Training.Engine;

/// <summary>
/// A <see cref="SeedOutcome"/> as JSON: an entry of <c>summary.json</c>'s <c>runs</c>, and
/// <c>seed-&lt;n&gt;/outcome.json</c>, which a seed trained in a process of its own leaves for the run.
/// </summary>
internal static class SeedOutcomeJson
{
    /// <summary>Leaves <paramref name="outcome"/> in its seed's <c>outcome.json</c>, atomically.</summary>
    public static void Write(RunDirectory run, SeedOutcome outcome) =>
        run.WriteJson(RelativePath(outcome.Seed), ToJson(outcome));

    /// <summary>The outcome a seed left, or null where it left none.</summary>
    /// <exception cref="JsonException">The file is not an outcome.</exception>
    public static SeedOutcome? Read(RunDirectory run, int seed)
    {
        string path = Path.Combine(run.FullPath, RelativePath(seed));
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return FromJson(JObject.Parse(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or ArgumentException)
        {
            throw new JsonException($"{path} is not a seed outcome: {e.Message}", e);
        }
    }

    public static JObject ToJson(SeedOutcome outcome) => new()
    {
        ["seed"] = outcome.Seed,
        ["status"] = outcome.Status,
        ["success"] = outcome.Success,
        ["criterion"] = outcome.Criterion,
        ["steps"] = outcome.Steps,
        ["durationSeconds"] = Math.Round(outcome.DurationSeconds, 3),
        ["message"] = outcome.Message,
        ["metrics"] = JObject.FromObject(outcome.Metrics),
    };

    /// <summary>An outcome from its JSON, as <c>outcome.json</c> and a summary's <c>runs</c> hold it.</summary>
    public static SeedOutcome FromJson(JObject json) => new(
        (int)json["seed"]!,
        (string)json["status"]!,
        (bool)json["success"]!,
        (long)json["steps"]!,
        ((JObject)json["metrics"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value, StringComparer.Ordinal),
        (string)json["message"]!,
        (double)json["durationSeconds"]!)
    {
        // Outcomes written before criteria were named have none.
        Criterion = (string?)json["criterion"],
    };

    private static string RelativePath(int seed) => Path.Combine($"seed-{seed}", "outcome.json");
}
