using Anc.Observers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Training.Processes;

/// <summary>
/// A metric event as one line of JSON: how a seed process tells its run what it reports, on its
/// standard output. Floats are written round-trip, so the run's observers see the values the
/// seed computed.
/// </summary>
internal static class SeedEventLine
{
    public static string Write(MetricEvent metrics) => new JObject
    {
        ["seed"] = metrics.Seed,
        ["phase"] = metrics.Phase,
        ["step"] = metrics.Step,
        ["totalSteps"] = metrics.TotalSteps,
        ["values"] = new JObject(metrics.Values.Select(v => new JProperty(v.Key, v.Value))),
    }.ToString(Formatting.None);

    /// <summary>The event on <paramref name="line"/>, or null for anything else a process printed.</summary>
    public static MetricEvent? Read(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            JObject json = JObject.Parse(line);
            return new MetricEvent(
                (int)json["seed"]!,
                (string)json["phase"]!,
                (long)json["step"]!,
                (long)json["totalSteps"]!,
                ((JObject)json["values"]!).Properties().ToDictionary(p => p.Name, p => (double)p.Value, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or NullReferenceException or FormatException)
        {
            return null;
        }
    }
}
