using System.Text.RegularExpressions;
using Anc.Components;
using Anc.Diagnostics;
using Anc.PluginHosting;
using Anc.Scenarios;
using Anc.Training.Engine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// Reads a manifest and checks it against the loaded plugins. Every mistake is reported in
/// one pass as <c>file(line,col): json.path: message</c>; nothing is trained or written.
/// </summary>
public sealed partial class ManifestReader
{
    private static readonly string[] TopLevel = ["$schema", "experiment", "description", "scenario", "data", "device", "threads", "seeds", "training", "parties"];
    private static readonly string[] PartySlots = ["architecture", "loss", "adversary"];
    private const int MaxSeeds = 10_000;

    private readonly ComponentFactory _factory;
    private readonly TorchDevices _devices;
    private readonly MemoryEstimate _memory;
    private readonly SeedBatchCheck _seedBatch;
    private readonly ComponentReader _components;

    /// <summary>Creates a reader over the loaded plugins.</summary>
    public ManifestReader(PluginCatalog catalog, ComponentFactory factory, TorchDevices devices)
        : this(catalog, factory, devices, new MemoryEstimate(factory))
    {
    }

    /// <summary>Creates a reader that checks sizes against <paramref name="memory"/>'s budget, such as a test's fixed one.</summary>
    internal ManifestReader(PluginCatalog catalog, ComponentFactory factory, TorchDevices devices, MemoryEstimate memory)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(memory);
        _factory = factory;
        _devices = devices;
        _memory = memory;
        _seedBatch = new SeedBatchCheck(factory);
        _components = new ComponentReader(catalog);
    }

    /// <summary>Reads and checks the manifest file at <paramref name="path"/>, with <paramref name="overrides"/> applied first.</summary>
    /// <exception cref="AncInputException">The file is missing, unreadable or wrong, or an override is.</exception>
    public ResolvedManifest Read(string path, IReadOnlyList<ManifestOverride>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = InputFile.Read(path, "manifest");
        return Parse(text, path, overrides);
    }

    /// <summary>Checks manifest text, with <paramref name="overrides"/> applied first; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="AncInputException">The manifest is wrong, or an override is.</exception>
    public ResolvedManifest Parse(string text, string file, IReadOnlyList<ManifestOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        DiagnosticBag bag = new(file);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new AncInputException($"{file}: the manifest is empty; it must be a JSON object such as {{ \"experiment\": \"my-run\", \"scenario\": \"symmetric\" }}.");
        }

        JObject root = ParseJson(text, bag) ?? throw new AncInputException(bag.Diagnostics);
        foreach (ManifestOverride applied in overrides ?? [])
        {
            Apply(root, applied, bag);
        }

        foreach (JProperty unknown in root.Properties().Where(p => !TopLevel.Contains(p.Name, StringComparer.Ordinal)))
        {
            bag.Add(unknown, JsonPaths.Child(string.Empty, unknown.Name), $"unknown field '{unknown.Name}'; {DidYouMean.Suggest(unknown.Name, TopLevel.Skip(1))}.");
        }

        string experiment = ReadExperiment(root, bag);
        string? description = ReadOptionalString(root, "description", bag);
        ResolvedComponent? scenario = _components.Read(root, "scenario", root["scenario"], ComponentKind.Scenario, defaultName: null, bag);
        IScenario? scenarioInstance = scenario is null ? null : CreateScenario(root, scenario, bag);
        DeviceRequest device = ReadDevice(root, bag);
        int threads = ReadThreads(root, bag);
        IReadOnlyList<int> seeds = ReadSeeds(root, bag);
        TrainingOptions training = (TrainingOptions)OptionsBinder.Bind(typeof(TrainingOptions), root["training"], "training", "the training section", bag);
        ResolvedComponent? data = null;
        IReadOnlyList<ResolvedParty> parties = [];
        if (scenarioInstance is not null)
        {
            data = ReadData(root, scenario!, scenarioInstance, bag);
            parties = ReadParties(root, scenario!, scenarioInstance, bag);
        }

        bag.ThrowIfAny();
        // Only sizes that are valid one by one can be added up; then all of them must fit at once.
        _memory.Check(root, scenario!, scenarioInstance!, data, parties, training, Math.Min(training.SeedsTogether, seeds.Count), bag);
        _seedBatch.Check(root, scenario!, scenarioInstance!, parties, training, bag);
        bag.ThrowIfAny();
        return new ResolvedManifest(file, experiment, description, scenario!, data, device, threads, seeds, training, parties);
    }

    /// <summary>
    /// Sets an override's value, creating the objects on its path. A component given by name
    /// becomes <c>{ "name": ... }</c> when the path goes on to its <c>name</c> or <c>options</c>.
    /// </summary>
    private static void Apply(JObject root, ManifestOverride applied, DiagnosticBag bag)
    {
        JObject current = root;
        string[] segments = applied.Segments;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            JToken? next = current[segments[i]];
            if (next is JValue { Type: JTokenType.String } name && segments[i + 1] is "name" or "options" && IsComponentReference(segments[..(i + 1)]))
            {
                next = new JObject { ["name"] = name.Value<string>() };
                current[segments[i]] = next;
            }
            else if (next is null or JValue { Type: JTokenType.Null })
            {
                next = new JObject();
                current[segments[i]] = next;
            }

            if (next is not JObject child)
            {
                bag.Add(applied, $"'{string.Join('.', segments[..(i + 1)])}' is {next.Type.ToString().ToLowerInvariant()}, not an object, so it has no '{segments[i + 1]}'.");
                return;
            }

            current = child;
        }

        current[segments[^1]] = applied.Value.DeepClone();
        bag.Overridden(applied);
    }

    /// <summary>Whether a path holds a component reference: the scenario, the data generator, or a party's component.</summary>
    private static bool IsComponentReference(string[] path) => path switch
    {
        ["scenario"] or ["data"] => true,
        ["parties", _, "architecture" or "loss" or "adversary"] => true,
        _ => false,
    };

    /// <summary>
    /// Parses <paramref name="text"/> as one JSON object with line information, or adds a diagnostic;
    /// <paramref name="what"/> names the document in messages (a manifest, a panel).
    /// </summary>
    internal static JObject? ParseJson(string text, DiagnosticBag bag, string what = "manifest")
    {
        try
        {
            using JsonTextReader reader = new(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = 64 };
            JToken token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonReaderException($"Additional text found after the {what}'s closing brace.", reader.Path, reader.LineNumber, reader.LinePosition, null);
                }
            }

            if (token is JObject obj)
            {
                return obj;
            }

            bag.Add(token, string.Empty, $"a {what} is a JSON object, not {OptionsBinder.Describe(token)}.");
        }
        catch (JsonReaderException e)
        {
            string message = MalformedMessage().Replace(e.Message, string.Empty).TrimEnd('.', ' ');
            bag.Add(e.LineNumber, e.LinePosition, e.Path ?? string.Empty, $"malformed JSON: {message}.");
        }

        return null;
    }

    private static string ReadExperiment(JObject root, DiagnosticBag bag)
    {
        JToken? token = root["experiment"];
        if (token is null)
        {
            bag.Add(root, "experiment", "missing required field 'experiment' (the name runs are stored under, for example \"symmetric-quick\").");
            return string.Empty;
        }

        if (token.Type != JTokenType.String)
        {
            bag.Add(token, "experiment", $"expected a string, got {OptionsBinder.Describe(token)}.");
            return string.Empty;
        }

        string name = token.Value<string>()!;
        if (!ExperimentName().IsMatch(name))
        {
            bag.Add(token, "experiment", "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes a folder name).");
        }

        return name;
    }

    private static string? ReadOptionalString(JObject root, string name, DiagnosticBag bag)
    {
        JToken? token = root[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            bag.Add(token, name, $"expected a string, got {OptionsBinder.Describe(token)}.");
            return null;
        }

        return token.Value<string>();
    }

    private DeviceRequest ReadDevice(JObject root, DiagnosticBag bag)
    {
        JToken? token = root["device"];
        if (token is null)
        {
            return DeviceRequest.Auto;
        }

        string? text = token.Type == JTokenType.String ? token.Value<string>() : null;
        if (!Enum.TryParse(text, ignoreCase: true, out DeviceRequest device) || int.TryParse(text, out _))
        {
            bag.Add(token, "device", $"expected \"auto\", \"cpu\" or \"cuda\", got {OptionsBinder.Describe(token)}.");
            return DeviceRequest.Auto;
        }

        if (device == DeviceRequest.Cuda && !_devices.CudaAvailable)
        {
            bag.Add(token, "device", $"\"cuda\" was asked for, but torch sees no CUDA device ({_devices.BackendDescription}); use \"auto\" or \"cpu\", or build the host with -p:AncTorchBackend=cuda on a machine with a GPU.");
        }

        return device;
    }

    private static int ReadThreads(JObject root, DiagnosticBag bag)
    {
        JToken? token = root["threads"];
        if (token is null)
        {
            return 0;
        }

        if (!JsonNumbers.TryGetInt64(token, out long threads) || threads is < 0 or > 1024)
        {
            bag.Add(token, "threads", $"expected an integer from 0 (torch's default) to 1024, got {OptionsBinder.Describe(token)}.");
            return 0;
        }

        return (int)threads;
    }

    private static IReadOnlyList<int> ReadSeeds(JObject root, DiagnosticBag bag)
    {
        JToken? token = root["seeds"];
        if (token is null)
        {
            return [0];
        }

        if (token.Type == JTokenType.Integer)
        {
            if (!JsonNumbers.TryGetInt64(token, out long count) || count is < 1 or > MaxSeeds)
            {
                bag.Add(token, "seeds", $"a seed count must be between 1 and {MaxSeeds}, got {token}.");
                return [0];
            }

            return Enumerable.Range(0, (int)count).ToArray();
        }

        if (token is JArray array && array.Count is > 0 and <= MaxSeeds)
        {
            List<int> seeds = [];
            for (int i = 0; i < array.Count; i++)
            {
                JToken item = array[i];
                if (!JsonNumbers.TryGetInt64(item, out long seed) || seed is < 0 or > int.MaxValue)
                {
                    bag.Add(item, JsonPaths.Index("seeds", i), $"a seed is an integer from 0 to {int.MaxValue}, got {OptionsBinder.Describe(item)}.");
                }
                else if (seeds.Contains((int)seed))
                {
                    bag.Add(item, JsonPaths.Index("seeds", i), $"seed {item} is listed twice.");
                }
                else
                {
                    seeds.Add((int)seed);
                }
            }

            return seeds;
        }

        bag.Add(token, "seeds", $"expected a list of 1 to {MaxSeeds} seeds or a seed count, got {OptionsBinder.Describe(token)}.");
        return [0];
    }

    private IScenario? CreateScenario(JObject root, ResolvedComponent scenarioComponent, DiagnosticBag bag)
    {
        try
        {
            return _factory.Create<IScenario>(scenarioComponent);
        }
        catch (ComponentFaultException e)
        {
            bag.Add(root["scenario"], "scenario", e.Message);
            return null;
        }
    }

    private ResolvedComponent? ReadData(JObject root, ResolvedComponent scenarioComponent, IScenario scenario, DiagnosticBag bag)
    {
        JToken? token = root["data"];
        if (scenario.DefaultDataGenerator is null)
        {
            if (token is not null)
            {
                bag.Add(token, "data", $"scenario '{scenarioComponent.Descriptor.Name}' takes no data generator; remove 'data'.");
            }

            return null;
        }

        return _components.Read(root, "data", token, ComponentKind.DataGenerator, scenario.DefaultDataGenerator, bag);
    }

    private IReadOnlyList<ResolvedParty> ReadParties(JObject root, ResolvedComponent scenarioComponent, IScenario scenario, DiagnosticBag bag)
    {
        JToken? partiesToken = root["parties"];
        JObject parties = partiesToken as JObject ?? [];
        if (partiesToken is not null && partiesToken is not JObject)
        {
            bag.Add(partiesToken, "parties", $"expected an object with one entry per party ({string.Join(", ", scenario.Parties.Select(r => r.Name))}), got {OptionsBinder.Describe(partiesToken)}.");
        }

        foreach (JProperty unknown in parties.Properties().Where(p => scenario.Parties.All(r => r.Name != p.Name)))
        {
            bag.Add(unknown, JsonPaths.Child("parties", unknown.Name), $"scenario '{scenarioComponent.Descriptor.Name}' has no party '{unknown.Name}'; {DidYouMean.Suggest(unknown.Name, scenario.Parties.Select(r => r.Name))}.");
        }

        List<ResolvedParty> resolved = [];
        foreach (PartyRole role in scenario.Parties)
        {
            string path = JsonPaths.Child("parties", role.Name);
            JToken? token = parties[role.Name];
            JObject party = token as JObject ?? [];
            if (token is not null && token is not JObject)
            {
                bag.Add(token, path, $"expected an object with 'architecture' and 'loss'{(role.IsAdversary ? " and 'adversary'" : string.Empty)}, got {OptionsBinder.Describe(token)}.");
            }

            foreach (JProperty unknown in party.Properties().Where(p => !PartySlots.Contains(p.Name) || (p.Name == "adversary" && !role.IsAdversary)))
            {
                string message = unknown.Name == "adversary"
                    ? $"'{role.Name}' is not an attacker, so it has no adversary; only {string.Join(", ", scenario.Parties.Where(r => r.IsAdversary).Select(r => r.Name))} do."
                    : $"unknown field '{unknown.Name}'; {DidYouMean.Suggest(unknown.Name, role.IsAdversary ? PartySlots : PartySlots[..2])}.";
                bag.Add(unknown, JsonPaths.Child(path, unknown.Name), message);
            }

            ResolvedComponent? architecture = _components.Read(party, JsonPaths.Child(path, "architecture"), party["architecture"], ComponentKind.Architecture, role.DefaultArchitecture, bag);
            ResolvedComponent? loss = _components.Read(party, JsonPaths.Child(path, "loss"), party["loss"], ComponentKind.Loss, role.DefaultLoss, bag);
            ResolvedComponent? adversary = role.IsAdversary
                ? _components.Read(party, JsonPaths.Child(path, "adversary"), party["adversary"], ComponentKind.Adversary, role.DefaultAdversary, bag)
                : null;
            if (adversary is not null)
            {
                CheckObservations(role, adversary, party["adversary"] ?? party, JsonPaths.Child(path, "adversary"), bag);
            }

            if (architecture is not null && loss is not null && (adversary is not null || !role.IsAdversary))
            {
                resolved.Add(new ResolvedParty(role, architecture, loss, adversary));
            }
        }

        return resolved;
    }

    private void CheckObservations(PartyRole role, ResolvedComponent adversary, JToken at, string path, DiagnosticBag bag)
    {
        try
        {
            IAdversary instance = _factory.Create<IAdversary>(adversary);
            if (instance.Observes.Count == 0)
            {
                bag.Add(at, path, $"adversary '{adversary.Descriptor.Name}' observes nothing; give it at least one of {string.Join(", ", role.ObservableSignals)}.");
            }

            foreach (string signal in instance.Observes.Where(s => !role.ObservableSignals.Contains(s)))
            {
                bag.Add(at, path, $"adversary '{adversary.Descriptor.Name}' observes '{signal}', which party '{role.Name}' cannot see; {DidYouMean.Suggest(signal, role.ObservableSignals)}.");
            }

            foreach (string twice in instance.Observes.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                bag.Add(at, path, $"adversary '{adversary.Descriptor.Name}' observes '{twice}' more than once; list each signal once.");
            }

            if (instance.StepsPerRound < 0)
            {
                bag.Add(at, path, $"adversary '{adversary.Descriptor.Name}' trains {instance.StepsPerRound} steps per round; it must be 0 or more.");
            }
        }
        catch (ComponentFaultException e)
        {
            bag.Add(at, path, e.Message);
        }
    }

    /// <summary>
    /// Where an unknown component may be: in a refused plugin (say which), or in a plugin that
    /// was not loaded at all (say how to load one).
    /// </summary>
    // \z, not $: $ also matches before a final line break, which would let "name\n" through as a folder name.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex ExperimentName();

    [GeneratedRegex(@"\s*Path '[^']*', line \d+, position \d+\.?$")]
    private static partial Regex MalformedMessage();
}
