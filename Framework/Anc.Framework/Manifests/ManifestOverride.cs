using Anc.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// One change to a manifest made without editing it, as Hydra does: <c>training.batchSize=512</c>
/// or <c>parties.eve.architecture=mix-transform</c>. The value is JSON where it reads as JSON
/// (numbers, <c>true</c>, <c>[0, 1]</c>, <c>{...}</c>, <c>"text"</c>) and text otherwise. It is
/// applied before the manifest is checked, so a wrong value gets the usual message, located at
/// the override instead of a line of the file.
/// </summary>
public sealed class ManifestOverride
{
    /// <summary>The most seeds <see cref="Seeds"/> expands to.</summary>
    public const int MaxSeeds = 100_000;

    private ManifestOverride(string path, string[] segments, JToken value, string source)
    {
        Path = path;
        Segments = segments;
        Value = value;
        Source = source;
    }

    /// <summary>The dotted path of the value to set, for example <c>training.batchSize</c>.</summary>
    public string Path { get; }

    /// <summary>The new value.</summary>
    public JToken Value { get; }

    /// <summary>How the user wrote it, for messages: <c>--set training.batchSize=512</c>.</summary>
    public string Source { get; }

    internal string[] Segments { get; }

    /// <summary>Reads <c>path=value</c>; <paramref name="option"/> is how messages name where it came from.</summary>
    /// <exception cref="AncInputException">It is not of the form <c>path=value</c>.</exception>
    public static ManifestOverride Parse(string assignment, string option = "--set")
    {
        ArgumentNullException.ThrowIfNull(assignment);
        string source = $"{option} {assignment}";
        int equals = assignment.IndexOf('=', StringComparison.Ordinal);
        string path = equals < 0 ? assignment : assignment[..equals].Trim();
        string[] segments = path.Split('.');
        if (equals < 0 || segments.Any(s => s.Length == 0))
        {
            throw new AncInputException($"{source}: expected <path>=<value> with a dotted path, for example {option} training.batchSize=512.");
        }

        return new ManifestOverride(path, segments, ReadValue(assignment[(equals + 1)..].Trim()), source);
    }

    /// <summary>
    /// Sets <paramref name="path"/> (dotted) to <paramref name="value"/>, as a file other than the
    /// command line asks (a sweep's grid); <paramref name="source"/> names where, for messages.
    /// </summary>
    /// <exception cref="AncInputException">The path is not a dotted path.</exception>
    public static ManifestOverride Of(string path, JToken value, string source)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        string[] segments = path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new AncInputException($"{source}: '{path}' is not a dotted path such as training.batchSize.");
        }

        // Without the line info of the file it came from: a mistake in it is located at the source, not at a line of the manifest.
        JToken plain = JToken.Parse(value.ToString(Formatting.None), new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        return new ManifestOverride(path, segments, plain, source);
    }

    /// <summary>The override that sets <c>seeds</c> from a list of seeds and ranges such as <c>0-19</c> or <c>0-4,7,9</c>.</summary>
    /// <exception cref="AncInputException">The list is not of that form.</exception>
    public static ManifestOverride Seeds(string seeds, string option = "--seeds")
    {
        ArgumentNullException.ThrowIfNull(seeds);
        try
        {
            return new ManifestOverride("seeds", ["seeds"], SeedList(seeds), $"{option} {seeds}");
        }
        catch (FormatException e)
        {
            throw new AncInputException($"{option} {seeds}: {e.Message}");
        }
    }

    /// <summary>The seeds that a list of seeds and ranges such as <c>0-19</c> or <c>0-4,7,9</c> names, in order.</summary>
    /// <exception cref="FormatException">The list is not of that form, or names more than <see cref="MaxSeeds"/>.</exception>
    internal static JArray SeedList(string seeds)
    {
        JArray list = [];
        foreach (string part in seeds.Split(',', StringSplitOptions.TrimEntries))
        {
            string[] bounds = part.Split('-', StringSplitOptions.TrimEntries);
            int[] numbers = bounds.Select(b => int.TryParse(b, out int n) && n >= 0 ? n : -1).ToArray();
            if (numbers.Length > 2 || numbers.Any(n => n < 0) || numbers[0] > numbers[^1])
            {
                throw new FormatException("expected seeds and ranges of non-negative numbers such as 0-19 or 0-4,7,9.");
            }

            if (list.Count + (long)numbers[^1] - numbers[0] + 1 > MaxSeeds)
            {
                throw new FormatException($"at most {MaxSeeds} seeds in one run.");
            }

            for (int seed = numbers[0]; seed <= numbers[^1]; seed++)
            {
                list.Add(seed);
            }
        }

        return list;
    }

    private static JToken ReadValue(string text)
    {
        try
        {
            // Without line info: a mistake in the value is then located at the override, not at "line 1" of the file.
            return JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        }
        catch (JsonReaderException)
        {
            return new JValue(text);
        }
    }
}
