using Anc.Runs;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Anc.Results;

/// <summary>
/// The one serializer of the files runs and sweeps leave (the records of this namespace) and of
/// the seed processes' event lines: camelCase names for the records' properties, figures'
/// names (dictionary keys) as they are, instants in round-trip ("O") form, NaN and infinities
/// as JSON.NET's symbols, indented. Readers and writers go through it, so a file's names are
/// said once, in its record.
/// </summary>
public static class ResultJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        Converters = [new IsoDateTimeConverter { DateTimeFormat = "O" }],
        DateParseHandling = DateParseHandling.None,
        FloatFormatHandling = FloatFormatHandling.Symbol,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    /// <summary><paramref name="value"/> as JSON text: indented, or on one line (to travel in a message).</summary>
    public static string ToText<T>(T value, bool indented = true) =>
        JsonConvert.SerializeObject(value, indented ? Formatting.Indented : Formatting.None, Settings);

    /// <summary>A <typeparamref name="T"/> from JSON text.</summary>
    /// <exception cref="JsonException">The text is not JSON, or not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new JsonException($"null is not a {typeof(T).Name}.");
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or ArgumentException or FormatException)
        {
            throw new JsonException($"not a {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>The <typeparamref name="T"/> in the file at <paramref name="path"/>, or null where there is no such file.</summary>
    /// <exception cref="JsonException">The file is not a <typeparamref name="T"/>; the message names it.</exception>
    public static T? ReadIfExists<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Parse<T>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new JsonException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The <typeparamref name="T"/> in the file at <paramref name="path"/>, or null where there is
    /// none or it cannot be read: for readers that treat a damaged file as a missing one.
    /// </summary>
    public static T? ReadOrNone<T>(string path)
        where T : class
    {
        try
        {
            return ReadIfExists<T>(path);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="relativePath"/> of <paramref name="run"/>, atomically.</summary>
    public static void Write<T>(RunDirectory run, string relativePath, T value)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.WriteText(relativePath, ToText(value) + Environment.NewLine);
    }
}
