namespace Anc.Training.Engine;

/// <summary>Tells a diverged round from a healthy one: any figure that is NaN or infinite.</summary>
internal static class Divergence
{
    /// <summary>
    /// The figures that are not finite, each with its value and party (the name's part before
    /// the dot); null if all are. Called every round, so a healthy round allocates nothing.
    /// </summary>
    public static string? Find(IReadOnlyDictionary<string, double> metrics)
    {
        List<string>? bad = null;
        foreach ((string name, double value) in metrics)
        {
            if (!double.IsFinite(value))
            {
                (bad ??= []).Add($"{name} is {Describe(value)}{Party(name)}");
            }
        }

        return bad is null ? null : string.Join(", ", bad);
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";

    private static string Party(string figure)
    {
        int dot = figure.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? $" (party {figure[..dot]})" : string.Empty;
    }
}
