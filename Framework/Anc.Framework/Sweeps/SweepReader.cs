using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Anc.Diagnostics;
using Anc.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>
/// Reads sweep files: <c>{ "sweep": "eve-rates", "manifest": "base.json", "seeds": "0-9",
/// "grid": { "&lt;path&gt;": [values...], ... }, "lists": [ { "&lt;path&gt;": value, ... }, ... ] }</c>.
/// The settings are the grid's every combination (the last path varying fastest), each with
/// each entry of <c>lists</c> where there are lists; every setting is resolved against the
/// base manifest now, so a wrong value is reported at its place in the sweep file before anything runs.
/// </summary>
public sealed partial class SweepReader
{
    /// <summary>The most trials one sweep expands to.</summary>
    public const int MaxTrials = 100_000;

    private static readonly string[] Fields = ["sweep", "description", "manifest", "seeds", "grid", "lists"];

    private readonly ManifestReader _manifests;

    /// <summary>Creates a reader that resolves settings with <paramref name="manifests"/>.</summary>
    public SweepReader(ManifestReader manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        _manifests = manifests;
    }

    /// <summary>Reads the sweep file at <paramref name="path"/>; its manifest path is relative to it.</summary>
    /// <exception cref="AncInputException">The file is missing, unreadable or wrong, or a setting does not resolve.</exception>
    public SweepPlan Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = InputFile.Read(path, "sweep");
        return Parse(text, path);
    }

    /// <summary>Reads sweep text; <paramref name="file"/> names it in messages and is where its manifest path starts from.</summary>
    /// <exception cref="AncInputException">The sweep is wrong, or a setting does not resolve.</exception>
    public SweepPlan Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        DiagnosticBag bag = new(file);
        JObject? root = ManifestReader.ParseJson(text, bag, "sweep");
        if (root is null)
        {
            bag.ThrowIfAny();
            throw new AncInputException($"{file}: the sweep is empty; it must be a JSON object such as {{ \"manifest\": \"base.json\", \"grid\": {{ \"training.learningRate\": [0.0008, 0.004] }} }}.");
        }

        foreach (JProperty unknown in root.Properties().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)))
        {
            bag.Add(unknown, JsonPaths.Child(string.Empty, unknown.Name), $"unknown field '{unknown.Name}'; {DidYouMean.Suggest(unknown.Name, Fields)}.");
        }

        string name = ReadName(root, file, bag);
        string? manifest = ReadManifestPath(root, file, bag);
        ManifestOverride? seeds = ReadSeeds(root, file, bag);
        List<List<ManifestOverride>> axes = ReadGrid(root, file, bag);
        List<List<ManifestOverride>> lists = ReadLists(root, file, bag);
        bag.ThrowIfAny();

        List<List<ManifestOverride>> settings = [.. Combine(axes).SelectMany(point => lists.Select(list => point.Concat(list).ToList()))];
        List<InputDiagnostic> mistakes = [];
        List<SweepSetting> resolved = [];
        foreach (List<ManifestOverride> overrides in settings)
        {
            try
            {
                ResolvedManifest setting = _manifests.Read(manifest!, seeds is null ? overrides : [.. overrides, seeds]);
                resolved.Add(new SweepSetting(Id(setting), overrides.Select(o => KeyValuePair.Create(o.Path, o.Value)).ToList(), setting));
            }
            catch (AncInputException e)
            {
                mistakes.AddRange(e.Diagnostics.Where(d => !mistakes.Contains(d)));
            }
        }

        if (mistakes.Count > 0)
        {
            throw new AncInputException(mistakes);
        }

        foreach (IGrouping<string, SweepSetting> same in resolved.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            throw new AncInputException($"{file}: the settings {string.Join(" and ", same.Select(s => $"'{s.Label}'"))} are the same experiment (they resolve to one manifest); leave one out.");
        }

        IReadOnlyList<int> seedList = resolved[0].Manifest.Seeds;
        if ((long)resolved.Count * seedList.Count > MaxTrials)
        {
            throw new AncInputException($"{file}: {resolved.Count} settings times {seedList.Count} seeds is more than {MaxTrials} trials; split the sweep.");
        }

        return new SweepPlan(name, Path.GetFullPath(file), manifest!, seedList, resolved);
    }

    /// <summary>The setting's id: a hash of its resolved manifest without the seeds.</summary>
    private static string Id(ResolvedManifest manifest)
    {
        JObject json = manifest.ToJson();
        json.Remove("seeds");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString(Formatting.None))))[..16];
    }

    private static IEnumerable<List<ManifestOverride>> Combine(List<List<ManifestOverride>> axes)
    {
        IEnumerable<List<ManifestOverride>> points = [[]];
        foreach (List<ManifestOverride> axis in axes)
        {
            points = points.SelectMany(point => axis.Select(value => (List<ManifestOverride>)[.. point, value])).ToList();
        }

        return points;
    }

    private static string ReadName(JObject root, string file, DiagnosticBag bag)
    {
        JToken? token = root["sweep"];
        string name = token is null ? Path.GetFileNameWithoutExtension(file) : token.Type == JTokenType.String ? (string)token! : string.Empty;
        if (!SweepName().IsMatch(name))
        {
            bag.Add(token ?? root, "sweep", token is null
                ? $"the file's name '{name}' cannot name the sweep's folder; give \"sweep\": a name of 1 to 100 letters, digits, '.', '_' or '-'."
                : "must be a name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes a folder name).");
        }

        return name;
    }

    private static string? ReadManifestPath(JObject root, string file, DiagnosticBag bag)
    {
        JToken? token = root["manifest"];
        if (token?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
        {
            bag.Add(token ?? root, "manifest", "expected the base manifest's path, relative to the sweep file, such as \"manifests/symmetric-quick.json\".");
            return null;
        }

        string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, (string)token!));
        if (!File.Exists(path))
        {
            bag.Add(token, "manifest", $"there is no manifest file at {path}; the path is relative to the sweep file.");
            return null;
        }

        return path;
    }

    private static ManifestOverride? ReadSeeds(JObject root, string file, DiagnosticBag bag)
    {
        JToken? token = root["seeds"];
        if (token is null)
        {
            return null;
        }

        if (token.Type == JTokenType.String)
        {
            try
            {
                return ManifestOverride.Of("seeds", ManifestOverride.SeedList((string)token!), Location(file, token));
            }
            catch (FormatException e)
            {
                bag.Add(token, "seeds", $"{(string)token!}: {e.Message}");
                return null;
            }
        }

        return ManifestOverride.Of("seeds", token, Location(file, token));
    }

    private static List<List<ManifestOverride>> ReadGrid(JObject root, string file, DiagnosticBag bag)
    {
        JToken? token = root["grid"];
        if (token is null)
        {
            return [];
        }

        if (token is not JObject grid)
        {
            bag.Add(token, "grid", $"expected an object of manifest paths to lists of values, such as {{ \"training.learningRate\": [0.0008, 0.004] }}, got {OptionsBinder.Describe(token)}.");
            return [];
        }

        List<List<ManifestOverride>> axes = [];
        foreach (JProperty axis in grid.Properties())
        {
            string path = JsonPaths.Child("grid", axis.Name);
            if (axis.Value is not JArray { Count: > 0 } values)
            {
                bag.Add(axis.Value, path, $"expected a list of one or more values, got {OptionsBinder.Describe(axis.Value)}.");
            }
            else if (PathMistake(axis.Name) is { } mistake)
            {
                bag.Add(axis, path, mistake);
            }
            else
            {
                axes.Add([.. values.Select(v => ManifestOverride.Of(axis.Name, v, Location(file, v)))]);
            }
        }

        return axes;
    }

    private static List<List<ManifestOverride>> ReadLists(JObject root, string file, DiagnosticBag bag)
    {
        JToken? token = root["lists"];
        if (token is null)
        {
            return [[]];
        }

        if (token is not JArray { Count: > 0 } lists)
        {
            bag.Add(token, "lists", $"expected a list of one or more objects of manifest paths to values, such as [{{ \"training.batchSize\": 256 }}], got {OptionsBinder.Describe(token)}.");
            return [[]];
        }

        List<List<ManifestOverride>> sets = [];
        for (int i = 0; i < lists.Count; i++)
        {
            string path = JsonPaths.Index("lists", i);
            if (lists[i] is not JObject set)
            {
                bag.Add(lists[i], path, $"expected an object of manifest paths to values, got {OptionsBinder.Describe(lists[i])}.");
                continue;
            }

            List<ManifestOverride> overrides = [];
            foreach (JProperty change in set.Properties())
            {
                if (PathMistake(change.Name) is { } mistake)
                {
                    bag.Add(change, JsonPaths.Child(path, change.Name), mistake);
                }
                else
                {
                    overrides.Add(ManifestOverride.Of(change.Name, change.Value, Location(file, change.Value)));
                }
            }

            sets.Add(overrides);
        }

        return sets;
    }

    /// <summary>Why <paramref name="path"/> cannot be a setting's change, or null.</summary>
    private static string? PathMistake(string path) =>
        path == "seeds" ? "a sweep's seeds are its own field \"seeds\", not a setting; move them there."
        : path.Split('.').Any(s => s.Length == 0) ? $"'{path}' is not a dotted manifest path such as training.batchSize."
        : null;

    /// <summary>Where a value is in the sweep file, as messages about it begin: <c>sweep.json(7,31)</c>.</summary>
    private static string Location(string file, JToken token)
    {
        if (token is not IJsonLineInfo info || !info.HasLineInfo())
        {
            return file;
        }

        // Json.NET records where a value ends; people look for where it starts.
        int column = token is JValue value ? Math.Max(1, info.LinePosition - value.ToString(Formatting.None).Length + 1) : info.LinePosition;
        return $"{file}({info.LineNumber},{column})";
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex SweepName();
}
