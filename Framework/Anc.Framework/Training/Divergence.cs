namespace Anc.Training;

/// <summary>Tells a diverged round from a healthy one: any figure that is NaN or infinite.</summary>
internal static class Divergence
{
    /// <summary>The figures that are not finite, each with its value and party (the name's part before the dot); null if all are.</summary>
    public static string? Find(IReadOnlyDictionary<string, double> metrics)
    {
        string[] bad = metrics.Where(m => !double.IsFinite(m.Value)).Select(m => $"{m.Key} is {Describe(m.Value)}{Party(m.Key)}").ToArray();
        return bad.Length == 0 ? null : string.Join(", ", bad);
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";

    private static string Party(string figure)
    {
        int dot = figure.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? $" (party {figure[..dot]})" : string.Empty;
    }
}
