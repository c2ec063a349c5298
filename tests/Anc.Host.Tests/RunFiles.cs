using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary>What tests compare between run directories.</summary>
internal static class RunFiles
{
    /// <summary>A seed's logged figures without their times, which no two runs share.</summary>
    public static string[] Figures(string run, int seed) =>
        File.ReadAllLines(Path.Combine(run, $"seed-{seed}", "metrics.jsonl"))
            .Select(line =>
            {
                JObject json = JObject.Parse(line);
                json.Remove("elapsedSeconds");
                return json.ToString(Newtonsoft.Json.Formatting.None);
            })
            .ToArray();

    /// <summary>A seed's <c>evaluation.json</c>.</summary>
    public static string Evaluation(string run, int seed) => File.ReadAllText(Path.Combine(run, $"seed-{seed}", "evaluation.json"));

    /// <summary>
    /// Every number a seed logged and evaluated, by JSON path, without times: what must agree, to
    /// float tolerance, between two ways of training the same seed.
    /// </summary>
    public static IReadOnlyList<(string Path, double Value)> Numbers(string run, int seed)
    {
        IEnumerable<JToken> metrics = File.ReadAllLines(Path.Combine(run, $"seed-{seed}", "metrics.jsonl")).Select(JObject.Parse);
        JObject evaluation = JObject.Parse(Evaluation(run, seed));
        return metrics.Append(evaluation)
            .SelectMany(json => json.SelectTokens("$..*").Where(t => t.Type is JTokenType.Float or JTokenType.Integer))
            .Where(t => !t.Path.EndsWith("elapsedSeconds", StringComparison.Ordinal))
            .Select(t => (t.Path, (double)t))
            .ToList();
    }

    /// <summary>The one run directory under <paramref name="root"/> in <paramref name="folder"/> (<c>root/&lt;experiment&gt;/&lt;run&gt;</c>).</summary>
    public static string RunOf(string folder, string root) => Directory.GetDirectories(Directory.GetDirectories(Path.Combine(folder, root)).Single()).Single();
}
