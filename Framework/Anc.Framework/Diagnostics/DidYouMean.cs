namespace Anc.Diagnostics;

/// <summary>Suggests the known name closest to a mistyped one.</summary>
internal static class DidYouMean
{
    /// <summary>
    /// A phrase such as <c>did you mean 'bits'? (known: bits, batchSize)</c>, or the list of
    /// known names alone when none is close.
    /// </summary>
    public static string Suggest(string given, IEnumerable<string> known)
    {
        List<string> names = known.Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return "there are none";
        }

        string? closest = names
            .Select(n => (Name: n, Distance: Distance(given.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
        string list = $"known: {string.Join(", ", names)}";
        return closest is null ? list : $"did you mean '{closest}'? ({list})";
    }

    private static int Distance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        int[] current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
