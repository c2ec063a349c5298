using Anc.Observers;
using Anc.Results;
using Newtonsoft.Json;

namespace Anc.Training.Processes;

/// <summary>
/// A metric event as one line of JSON: how a seed process tells its run what it reports, on its
/// standard output. Floats are written round-trip, so the run's observers see the values the
/// seed computed.
/// </summary>
internal static class SeedEventLine
{
    /// <summary>The event as one line: <c>{"seed":…,"phase":…,"step":…,"totalSteps":…,"values":{…}}</c>.</summary>
    public static string Write(MetricEvent metrics) => ResultJson.ToText(metrics, indented: false);

    /// <summary>The event on <paramref name="line"/>, or null for anything else a process printed.</summary>
    public static MetricEvent? Read(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            // Another object a process printed leaves the event's required parts empty.
            return ResultJson.Parse<MetricEvent>(line) is { Phase: not null, Values: not null } metrics ? metrics : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
