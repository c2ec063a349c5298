using Anc.Components;
using Anc.PluginHosting;
using Anc.Scenarios;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.NewtonsoftJson.Generation;

namespace Anc.Manifests;

/// <summary>
/// The JSON Schema of manifests for the loaded plugins: every field, and for every component a
/// reference by name or <c>{ "name", "options" }</c> whose options schema comes from the
/// component's options class (types, ranges, enums, descriptions; NJsonSchema). Editors
/// complete and check manifests with it; the manifest reader stays the judge (it also checks
/// what a schema cannot, such as which parties a scenario has).
/// </summary>
public sealed class ManifestSchema
{
    private readonly PluginCatalog _catalog;

    /// <summary>Creates the schema source for the loaded plugins.</summary>
    public ManifestSchema(PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>The schema (draft 7).</summary>
    public JObject Generate()
    {
        JObject definitions = [];
        JObject Reference(ComponentKind kind) => new()
        {
            ["anyOf"] = new JArray(
                new JObject { ["type"] = "string", ["enum"] = new JArray(_catalog.Names(kind).Order(StringComparer.Ordinal)) },
                Components(kind, definitions)),
        };

        JObject training = Options(typeof(TrainingOptions), "training", definitions);
        training["description"] = "Common training settings.";
        return new JObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "ANC manifest",
            ["type"] = "object",
            ["required"] = new JArray("experiment", "scenario"),
            ["additionalProperties"] = false,
            ["properties"] = new JObject
            {
                ["$schema"] = new JObject { ["type"] = "string" },
                ["experiment"] = new JObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", ["description"] = "The folder runs are stored under." },
                ["description"] = new JObject { ["type"] = "string" },
                ["scenario"] = Reference(ComponentKind.Scenario),
                ["data"] = Reference(ComponentKind.DataGenerator),
                ["device"] = new JObject { ["enum"] = new JArray("auto", "cpu", "cuda") },
                ["threads"] = new JObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 1024 },
                ["seeds"] = new JObject
                {
                    ["anyOf"] = new JArray(
                        new JObject { ["type"] = "integer", ["minimum"] = 1 },
                        new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "integer", ["minimum"] = 0 } }),
                },
                ["training"] = training,
                ["parties"] = new JObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["properties"] = new JObject
                        {
                            ["architecture"] = Reference(ComponentKind.Architecture),
                            ["loss"] = Reference(ComponentKind.Loss),
                            ["adversary"] = Reference(ComponentKind.Adversary),
                        },
                    },
                },
            },
            ["definitions"] = definitions,
        };
    }

    /// <summary>Each component of a kind as <c>{ "name": its name, "options": its options }</c>.</summary>
    private JObject Components(ComponentKind kind, JObject definitions)
    {
        JArray each = [];
        foreach (string name in _catalog.Names(kind).Order(StringComparer.Ordinal))
        {
            _catalog.TryGet(kind, name, out ComponentDescriptor descriptor, out _);
            each.Add(new JObject
            {
                ["type"] = "object",
                ["description"] = descriptor.Description,
                ["required"] = new JArray("name"),
                ["additionalProperties"] = false,
                ["properties"] = new JObject
                {
                    ["name"] = new JObject { ["const"] = name },
                    ["options"] = Options(descriptor.OptionsType, $"{PluginCatalog.KindName(kind)}.{name}", definitions),
                },
            });
        }

        return new JObject { ["anyOf"] = each };
    }

    /// <summary>
    /// The schema of an options class, camelCase and closed to unknown options; the classes it
    /// nests go into <paramref name="definitions"/> under <paramref name="prefix"/>, so that two
    /// components' classes of one name stay apart.
    /// </summary>
    private static JObject Options(Type type, string prefix, JObject definitions)
    {
        NewtonsoftJsonSchemaGeneratorSettings settings = new()
        {
            SerializerSettings = new Newtonsoft.Json.JsonSerializerSettings
            {
                ContractResolver = new CamelCasePropertyNamesContractResolver(),
                Converters = { new Newtonsoft.Json.Converters.StringEnumConverter(new CamelCaseNamingStrategy()) },
            },
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            AlwaysAllowAdditionalObjectProperties = false,
            // One closed object per options class: with allOf, a base class's options would count as unknown.
            FlattenInheritanceHierarchy = true,
            SchemaType = SchemaType.JsonSchema,
        };
        JObject schema = JObject.Parse(JsonSchema.FromType(type, settings).ToJson());
        if (schema["definitions"] is JObject nested)
        {
            foreach (JProperty definition in nested.Properties())
            {
                definitions[$"{prefix}.{definition.Name}"] = Prefixed(definition.Value.DeepClone(), prefix);
            }

            schema.Remove("definitions");
        }

        schema.Remove("$schema");
        schema.Remove("title");
        return (JObject)Prefixed(schema, prefix);
    }

    private static JToken Prefixed(JToken token, string prefix)
    {
        foreach (JValue reference in token.SelectTokens("..$ref").OfType<JValue>().ToList())
        {
            if (((string?)reference.Value)?.StartsWith("#/definitions/", StringComparison.Ordinal) == true)
            {
                reference.Value = $"#/definitions/{prefix}.{((string)reference.Value!)["#/definitions/".Length..]}";
            }
        }

        return token;
    }
}
