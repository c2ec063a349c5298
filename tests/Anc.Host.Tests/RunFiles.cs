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

    /// <summary>The one run directory of the <c>tiny</c> experiment under <paramref name="root"/> in <paramref name="folder"/>.</summary>
    public static string RunOf(string folder, string root) => Directory.GetDirectories(Path.Combine(folder, root, "tiny")).Single();
}
