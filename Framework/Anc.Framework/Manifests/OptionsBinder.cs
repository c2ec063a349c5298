using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Anc.Components;
using Anc.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Anc.Manifests;

/// <summary>
/// Binds a JSON object to a component's options class, reporting every unknown name, wrong
/// type and invalid value instead of stopping at the first; and writes options back as JSON
/// with every default filled. Options classes are plain classes with public settable
/// properties; values are checked with their DataAnnotations attributes and, for rules
/// across properties, <see cref="IValidatableObject"/>.
/// </summary>
internal static class OptionsBinder
{
    private static readonly JsonSerializer Writer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
        Culture = CultureInfo.InvariantCulture,
    });

    /// <summary>
    /// Binds <paramref name="json"/> (or nothing, for all defaults) to a new instance of <paramref name="type"/>;
    /// where nothing is given, <paramref name="absentAt"/> locates what is wrong with the defaults.
    /// </summary>
    public static object Bind(Type type, JToken? json, string path, string owner, DiagnosticBag bag, JToken? absentAt = null)
    {
        object instance = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type} needs a public parameterless constructor.");
        if (json is null || json.Type == JTokenType.Null)
        {
            // Defaults are checked as given options are: a required option or an invalid default is a mistake here too.
            Check(type, instance, null, absentAt, path, owner, bag);
            return instance;
        }

        if (json is not JObject obj)
        {
            bag.Add(json, path, $"expected an object of options for {owner}, got {Describe(json)}.");
            return instance;
        }

        Dictionary<string, PropertyInfo> properties = Properties(type)
            .ToDictionary(p => JsonName(p), StringComparer.OrdinalIgnoreCase);
        NullabilityInfoContext nullability = new();
        Dictionary<PropertyInfo, string> given = [];
        foreach (JProperty property in obj.Properties())
        {
            string propertyPath = JsonPaths.Child(path, property.Name);
            if (!properties.TryGetValue(property.Name, out PropertyInfo? target))
            {
                bag.Add(property, propertyPath, $"unknown option '{property.Name}' for {owner}; {DidYouMean.Suggest(property.Name, properties.Keys)}.");
                continue;
            }

            // Names match whatever their case, so "bits" and "Bits" would both set one option, the last silently winning.
            if (given.TryGetValue(target, out string? first))
            {
                bag.Add(property, propertyPath, $"option '{JsonName(target)}' is given twice, as '{first}' and as '{property.Name}'; keep one.");
                continue;
            }

            given[target] = property.Name;
            NullabilityInfo declared = nullability.Create(target);
            if (property.Value.Type == JTokenType.Null && !AcceptsNull(target.PropertyType, declared))
            {
                bag.Add(property.Value, propertyPath, $"expected {Expected(target.PropertyType)}, got null; leave '{property.Name}' out for its default.");
                continue;
            }

            if (TryConvert(property.Value, target.PropertyType, declared, propertyPath, owner, bag, out object? value))
            {
                target.SetValue(instance, value);
                Validate(target, value, property.Value, propertyPath, bag);
                if (target.GetCustomAttribute<InputFileAttribute>() is not null && value is string file && file.Length > 0)
                {
                    ResolveInputFile(target, instance, file, property.Value, propertyPath, bag);
                }
            }
        }

        Check(type, instance, obj, obj, path, owner, bag);
        return instance;
    }

    /// <summary>
    /// Reports the required options <paramref name="given"/> lacks (all of them where no options
    /// were given) and, where nothing else is wrong, what <see cref="IValidatableObject"/> finds,
    /// each at its option or else at <paramref name="at"/>.
    /// </summary>
    private static void Check(Type type, object instance, JObject? given, JToken? at, string path, string owner, DiagnosticBag bag)
    {
        foreach (PropertyInfo required in Properties(type).Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null))
        {
            if (given?.Property(JsonName(required), StringComparison.OrdinalIgnoreCase) is null)
            {
                bag.Add(at, path, $"missing required option '{JsonName(required)}' for {owner}.");
            }
        }

        if (instance is IValidatableObject validatable && !bag.HasErrors)
        {
            foreach (ValidationResult result in validatable.Validate(new ValidationContext(instance)))
            {
                string member = result.MemberNames.FirstOrDefault() ?? string.Empty;
                JToken? location = member.Length == 0 ? at : given?.Property(member, StringComparison.OrdinalIgnoreCase) ?? at;
                bag.Add(location, member.Length == 0 ? path : JsonPaths.Child(path, JsonName(member)), result.ErrorMessage ?? "invalid value.");
            }
        }
    }

    /// <summary>The options as JSON, every property written, camel-cased.</summary>
    public static JObject ToJson(object options) => JObject.FromObject(options, Writer);

    /// <summary>The options' properties and their descriptions, for listings and schemas.</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null);

    /// <summary>The name a property has in JSON.</summary>
    public static string JsonName(PropertyInfo property) => JsonName(property.Name);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// Whether null may be given for a value of <paramref name="type"/>: a <c>Nullable&lt;T&gt;</c>, a
    /// reference declared nullable (<c>string?</c>), or one from code without nullable annotations.
    /// A reference declared not-null gets none, or the component would fail on it later.
    /// </summary>
    private static bool AcceptsNull(Type type, NullabilityInfo? declared) =>
        Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && declared?.WriteState != NullabilityState.NotNull);

    private static bool TryConvert(JToken token, Type type, NullabilityInfo? declared, string path, string owner, DiagnosticBag bag, out object? value)
    {
        value = null;
        if (token.Type == JTokenType.Null)
        {
            if (AcceptsNull(type, declared))
            {
                return true;
            }

            bag.Add(token, path, $"expected {Expected(type)}, got null.");
            return false;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long))
        {
            if (token.Type == JTokenType.Integer)
            {
                (long min, long max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : (long.MinValue, long.MaxValue);
                if (JsonNumbers.TryGetInt64(token, out long number) && number >= min && number <= max)
                {
                    value = type == typeof(int) ? (object)(int)number : number;
                    return true;
                }

                bag.Add(token, path, $"{token} is out of range: {Expected(type)} here is from {min} to {max}.");
                return false;
            }
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            if (token.Type is JTokenType.Integer or JTokenType.Float)
            {
                double number = JsonNumbers.GetDouble(token);
                if (!double.IsFinite(number) || (type == typeof(float) && !float.IsFinite((float)number)))
                {
                    bag.Add(token, path, "expected a finite number.");
                    return false;
                }

                value = type == typeof(float) ? (float)number : number;
                return true;
            }
        }
        else if (type == typeof(bool))
        {
            if (token.Type == JTokenType.Boolean)
            {
                value = token.Value<bool>();
                return true;
            }
        }
        else if (type == typeof(string))
        {
            if (token.Type == JTokenType.String)
            {
                value = token.Value<string>();
                return true;
            }
        }
        else if (type.IsEnum)
        {
            string[] names = Enum.GetNames(type).Select(JsonName).ToArray();
            if (token.Type == JTokenType.String)
            {
                string text = token.Value<string>()!;
                string? match = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    value = Enum.Parse(type, match);
                    return true;
                }

                bag.Add(token, path, $"'{text}' is not one of {string.Join(", ", names.Select(n => $"'{n}'"))}.");
                return false;
            }

            bag.Add(token, path, $"expected one of {string.Join(", ", names.Select(n => $"'{n}'"))}, got {Describe(token)}.");
            return false;
        }
        else if (ElementType(type) is Type element)
        {
            if (token is JArray array)
            {
                IList list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                bool ok = true;
                NullabilityInfo? elementDeclared = type.IsArray ? declared?.ElementType : declared?.GenericTypeArguments.FirstOrDefault();
                for (int i = 0; i < array.Count; i++)
                {
                    ok &= TryConvert(array[i], element, elementDeclared, JsonPaths.Index(path, i), owner, bag, out object? item);
                    list.Add(item);
                }

                if (!ok)
                {
                    return false;
                }

                if (type.IsArray)
                {
                    Array result = Array.CreateInstance(element, list.Count);
                    list.CopyTo(result, 0);
                    value = result;
                }
                else
                {
                    value = list;
                }

                return true;
            }
        }
        else if (type.IsClass)
        {
            if (token is JObject)
            {
                int before = bag.Diagnostics.Count;
                value = Bind(type, token, path, owner, bag);
                return bag.Diagnostics.Count == before;
            }
        }
        else
        {
            throw new InvalidOperationException($"Options of type {type} are not supported; use numbers, strings, booleans, enums, lists or nested option classes.");
        }

        bag.Add(token, path, $"expected {Expected(type)}, got {Describe(token)}.");
        return false;
    }

    /// <summary>
    /// An <see cref="InputFileAttribute"/> option: a relative path taken from the manifest's folder
    /// (the working directory for a manifest given as text), set as a full path, and refused where
    /// no such file exists.
    /// </summary>
    private static void ResolveInputFile(PropertyInfo property, object instance, string file, JToken token, string path, DiagnosticBag bag)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(bag.File)) ?? Directory.GetCurrentDirectory();
        string full;
        try
        {
            full = Path.GetFullPath(file, folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            bag.Add(token, path, $"'{file}' is not a file path: {e.Message}");
            return;
        }

        if (File.Exists(full))
        {
            property.SetValue(instance, full);
        }
        else
        {
            bag.Add(token, path, $"file not found: {full} (a relative path is taken from the manifest's folder).");
        }
    }

    private static void Validate(PropertyInfo property, object? value, JToken token, string path, DiagnosticBag bag)
    {
        foreach (ValidationAttribute attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            if (attribute is RequiredAttribute)
            {
                continue;
            }

            if (!attribute.IsValid(value))
            {
                string message = attribute is RangeAttribute range
                    ? $"must be between {range.Minimum} and {range.Maximum}, got {Format(value)}."
                    : attribute.FormatErrorMessage(JsonName(property)).TrimEnd('.') + ".";
                bag.Add(token, path, message);
            }
        }
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) ? "an integer"
            : type == typeof(double) || type == typeof(float) ? "a number"
            : type == typeof(bool) ? "true or false"
            : type == typeof(string) ? "a string"
            : ElementType(type) is not null ? "an array"
            : "an object";
    }

    /// <summary>Names a JSON value's kind for messages, with the value when it is short.</summary>
    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => $"the string \"{Shorten(token.Value<string>()!)}\"",
        JTokenType.Integer => $"the integer {token}",
        JTokenType.Float => $"the number {token.Value<double>().ToString(CultureInfo.InvariantCulture)}",
        JTokenType.Boolean => token.Value<bool>() ? "true" : "false",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Format(object? value) =>
        value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "null";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
