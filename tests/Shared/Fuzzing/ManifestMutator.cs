using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Testing.Fuzzing;

/// <summary>
/// Makes broken variants of valid manifests. It is deterministic: the same seed and the same
/// calls give the same mutants, so a failure names a mutant that can be made again.
/// </summary>
internal sealed class ManifestMutator
{
    private static readonly MutationKind[] StructuralKinds =
    [
        MutationKind.DeleteField, MutationKind.WrongType, MutationKind.HugeNumber, MutationKind.NegativeNumber,
        MutationKind.Unicode, MutationKind.DeepNesting, MutationKind.DuplicateKey,
    ];

    // Written as JSON text, so that values no .NET type holds (1e400, 2^64) reach the reader as a user would write them.
    private static readonly string[] HugeNumbers =
    [
        "1000000000", "1e9", "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "123456789012345678901234567890", "1e308", "1.7976931348623157e308", "1e400", "-1e400",
        "4.9e-324", "1e-400", "-9223372036854775809", "0.1e10", "10000000",
    ];

    private static readonly string[] NegativeNumbers = ["-1", "0", "-0", "-0.0", "-1.5", "-2147483648", "-2147483649", "-1e9", "-0.000001"];

    private static readonly string[] Texts =
    [
        "é", "ñandú", "🔐🗝", "Ω≈ç√∫", "ｓｙｍｍｅｔｒｉｃ", "symmetric\u0301", "\u202Eevil", "\uFEFFbom", "a\nb", "\r\n", "line\u2028separator",
        "tab\there", "\u0000", "nul\u0000inside", "\u001b[31mred", "../../escape", "/tmp/absolute", "..", ".", "C:\\windows", "\\\\server\\share",
        "CON", "{0} %s %n", "' OR 1=1 --", "<script>", string.Empty, " ", new string('x', 5000), string.Concat(Enumerable.Repeat("ü", 3000)),
    ];

    private static readonly string[] Suffixes = ["\n", " ", "\u0000", "é", "/../x", ".", "\t"];

    // JSON escapes a .NET string cannot carry through a serialiser intact: lone surrogates.
    private static readonly string[] RawTexts = ["\"\\ud800\"", "\"x\\udc00y\"", "\"\\udbff\\udfff\"", "\"\\u0000\\u001f\""];

    private readonly Random _random;
    private readonly bool _keepTrainingTiny;
    private int _count;

    /// <param name="seed">Fixes every choice.</param>
    /// <param name="keepTrainingTiny">
    /// Never put null or an empty object where an object was: either can bring back the defaults
    /// (the paper's batch and step counts), and a mutant of a tiny manifest that is still valid must still train in seconds.
    /// </param>
    public ManifestMutator(int seed, bool keepTrainingTiny = false)
    {
        _random = new Random(seed);
        _keepTrainingTiny = keepTrainingTiny;
    }

    /// <summary>The next mutant of <paramref name="json"/> (a valid manifest named <paramref name="source"/>), made by one of <paramref name="kinds"/>.</summary>
    public Mutant Next(string source, string json, IReadOnlyList<MutationKind> kinds)
    {
        int index = _count++;
        MutationKind kind = kinds[_random.Next(kinds.Count)];
        List<string> steps = [];
        byte[] bytes;
        if (kind is MutationKind.Truncate or MutationKind.ByteFlip)
        {
            bytes = Encoding.UTF8.GetBytes(json);
            bytes = kind == MutationKind.Truncate ? Truncate(bytes, steps) : Flip(bytes, steps);
        }
        else
        {
            JObject root = JObject.Parse(json);
            List<(string Marker, string Name)> duplicates = [];
            int count = kind == MutationKind.Stacked ? _random.Next(2, 5) : 1;
            for (int i = 0; i < count; i++)
            {
                MutationKind step = kind == MutationKind.Stacked ? StructuralKinds[_random.Next(StructuralKinds.Length)] : kind;
                steps.Add(Apply(root, step, duplicates));
            }

            string text = root.ToString(Formatting.Indented);
            foreach ((string marker, string name) in duplicates)
            {
                text = text.Replace(JsonConvert.ToString(marker), JsonConvert.ToString(name), StringComparison.Ordinal);
            }

            bytes = Encoding.UTF8.GetBytes(text);
        }

        return new Mutant(index, source, $"{kind}: {string.Join("; ", steps)}", bytes);
    }

    private string Apply(JObject root, MutationKind kind, List<(string Marker, string Name)> duplicates)
    {
        switch (kind)
        {
            case MutationKind.DeleteField:
            {
                JProperty? property = Pick(root.Descendants().OfType<JProperty>());
                if (property is null)
                {
                    return "nothing left to delete";
                }

                property.Remove();
                return $"deleted {property.Path}";
            }

            case MutationKind.WrongType:
            {
                JToken? target = PickValue(root, _ => true);
                if (target is null)
                {
                    return "no value to replace";
                }

                JToken[] choices = WrongTypes().Where(t => t.Type != target.Type).ToArray();
                return Replace(target, choices[_random.Next(choices.Length)]);
            }

            case MutationKind.HugeNumber:
            case MutationKind.NegativeNumber:
            {
                // Mostly numbers, where a size or a rate is read; sometimes any value.
                JToken? target = _random.Next(5) > 0
                    ? PickValue(root, t => t.Type is JTokenType.Integer or JTokenType.Float) ?? PickValue(root, _ => true)
                    : PickValue(root, _ => true);
                string[] pool = kind == MutationKind.HugeNumber ? HugeNumbers : NegativeNumbers;
                return target is null ? "no value to replace" : Replace(target, new JRaw(pool[_random.Next(pool.Length)]));
            }

            case MutationKind.Unicode:
            {
                JProperty? property = _random.Next(2) == 0 ? Pick(root.Descendants().OfType<JProperty>()) : null;
                if (property is not null)
                {
                    string name = _random.Next(3) == 0 ? Altered(property.Name) : Texts[_random.Next(Texts.Length)];
                    JObject parent = (JObject)property.Parent!;
                    while (parent.ContainsKey(name))
                    {
                        name += "é";
                    }

                    string path = property.Path;
                    property.Replace(new JProperty(name, property.Value));
                    return $"renamed {path} to {Show(JsonConvert.ToString(name))}";
                }

                JToken? target = PickValue(root, t => t.Type == JTokenType.String) ?? PickValue(root, _ => true);
                if (target is null)
                {
                    return "no value to replace";
                }

                // A name almost right (another case, a character more) finds the checks that compare names.
                return _random.Next(4) switch
                {
                    0 => Replace(target, new JRaw(RawTexts[_random.Next(RawTexts.Length)])),
                    1 when target.Type == JTokenType.String => Replace(target, new JValue(Altered((string)target!))),
                    _ => Replace(target, new JValue(Texts[_random.Next(Texts.Length)])),
                };
            }

            case MutationKind.DeepNesting:
            {
                JToken? target = PickValue(root, _ => true);
                if (target is null)
                {
                    return "no value to replace";
                }

                int[] depths = [3, 20, 60, 63, 64, 65, 100, 1000, 100_000];
                int depth = depths[_random.Next(depths.Length)];
                string nested = _random.Next(2) == 0
                    ? new string('[', depth) + "1" + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                return Replace(target, new JRaw(nested));
            }

            case MutationKind.DuplicateKey:
            {
                JProperty? property = Pick(root.Descendants().OfType<JProperty>());
                if (property is null)
                {
                    return "no field to repeat";
                }

                string marker = $"__anc_fuzz_duplicate_{duplicates.Count}__";
                duplicates.Add((marker, _random.Next(3) == 0 ? property.Name.ToUpperInvariant() : property.Name));
                JToken value = _random.Next(2) == 0 ? property.Value.DeepClone() : WrongTypes().ElementAt(_random.Next(WrongTypes().Count()));
                property.AddAfterSelf(new JProperty(marker, value));
                return $"repeated {property.Path} with {Show(value.ToString(Formatting.None))}";
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a structural mutation");
        }
    }

    private string Altered(string text) => _random.Next(4) switch
    {
        0 => text.ToUpperInvariant(),
        1 => text + Suffixes[_random.Next(Suffixes.Length)],
        2 => Suffixes[_random.Next(Suffixes.Length)] + text,
        _ => text.Length == 0 ? "x" : text.Remove(_random.Next(text.Length), 1),
    };

    private IEnumerable<JToken> WrongTypes()
    {
        yield return new JValue(true);
        yield return new JValue("fuzz");
        yield return new JValue(7);
        yield return new JValue(2.5);
        yield return new JArray(1, "a");
        if (!_keepTrainingTiny)
        {
            yield return JValue.CreateNull();
            yield return new JArray();
            yield return new JObject();
            yield return new JObject { ["fuzz"] = 1 };
        }
    }

    private string Replace(JToken target, JToken replacement)
    {
        string path = target.Path;
        target.Replace(replacement);
        return $"{(path.Length == 0 ? "the manifest" : path)} = {Show(replacement.ToString(Formatting.None))}";
    }

    private byte[] Truncate(byte[] bytes, List<string> steps)
    {
        int length = _random.Next(bytes.Length);
        steps.Add($"kept the first {length} of {bytes.Length} bytes");
        return bytes[..length];
    }

    private byte[] Flip(byte[] bytes, List<string> steps)
    {
        byte[] flipped = (byte[])bytes.Clone();
        int count = _random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            int at = _random.Next(flipped.Length);
            byte before = flipped[at];
            flipped[at] = _random.Next(3) == 0 ? (byte)_random.Next(256) : (byte)(before ^ (1 << _random.Next(8)));
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"byte {at}: 0x{before:x2} -> 0x{flipped[at]:x2}"));
        }

        return flipped;
    }

    private JToken? PickValue(JObject root, Func<JToken, bool> filter) =>
        Pick(root.Descendants().Where(t => (t.Parent is JProperty or JArray) && filter(t)));

    private T? Pick<T>(IEnumerable<T> items)
        where T : class
    {
        List<T> list = items.ToList();
        return list.Count == 0 ? null : list[_random.Next(list.Count)];
    }

    private static string Show(string text) => text.Length <= 60 ? text : $"{text[..57]}... ({text.Length} characters)";
}
