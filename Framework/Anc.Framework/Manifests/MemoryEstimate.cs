using System.Globalization;
using Anc.Components;
using Anc.Scenarios;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// Refuses, when a manifest is read, sizes that one seed cannot hold in this machine's memory,
/// before anything is allocated. The estimate is a floor, not a forecast: float32 weights with
/// their gradients and Adam's two moments (four copies), plus the larger of one training pass
/// (every network's kept activations for a batch) and one evaluation pass (every network's input
/// and output for the evaluated examples), as the scenario's <see cref="SeedFootprint"/> and the
/// architectures' <see cref="IArchitecture.EstimateSize"/> report them. Torch's workspaces, the
/// allocator's slack and the runtime come on top, so a run let through may still run out of
/// memory; a run refused could not have fit. The budget is what the .NET runtime sees
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's memory or the container's
/// limit); a GPU's memory, usually smaller, is not asked. Seeds run one after another, so one
/// seed's need is the run's.
/// </summary>
internal sealed class MemoryEstimate
{
    private const double BytesPerValue = sizeof(float);

    // The weight, its gradient, and Adam's first and second moment estimates.
    private const double CopiesPerWeight = 4;

    private const double GiB = 1L << 30;

    private readonly ComponentFactory _factory;
    private readonly Func<long> _availableBytes;

    /// <param name="factory">Creates the components whose sizes count.</param>
    /// <param name="availableBytes">The memory one seed may use; the runtime's view of the machine when not given.</param>
    public MemoryEstimate(ComponentFactory factory, Func<long>? availableBytes = null)
    {
        _factory = factory;
        _availableBytes = availableBytes ?? (() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    /// <summary>
    /// Adds one diagnostic to <paramref name="bag"/> when one seed of a valid manifest needs more
    /// memory than there is, or the <paramref name="seedsTogether"/> seeds trained at once do
    /// (<see cref="TrainingOptions.SeedsTogether"/>, no more than there are seeds).
    /// </summary>
    public void Check(JObject root, ResolvedComponent scenarioComponent, IScenario scenario, ResolvedComponent? data, IReadOnlyList<ResolvedParty> parties, TrainingOptions training, int seedsTogether, DiagnosticBag bag)
    {
        Dictionary<string, IArchitecture> architectures;
        FootprintContext context;
        try
        {
            architectures = parties.ToDictionary(p => p.Role.Name, p => _factory.Create<IArchitecture>(p.Architecture));
            context = _factory.CreateFootprintContext(parties, data);
        }
        catch (ComponentFaultException)
        {
            // A component that cannot even be created fails the run with its own message; there is nothing to estimate.
            return;
        }

        SeedFootprint? footprint;
        try
        {
            footprint = scenario.EstimateFootprint(context);
        }
        catch (Exception e)
        {
            bag.Add(root["scenario"], "scenario", new ComponentFaultException(scenarioComponent.Plugin, scenarioComponent.Descriptor, e).Message);
            return;
        }

        if (footprint is null || Sizes(root, footprint, parties, architectures, bag) is not { } sizes)
        {
            return;
        }

        double weightBytes = sizes.Parameters * CopiesPerWeight * BytesPerValue;
        double trainingBytes = training.BatchSize * sizes.Activations * BytesPerValue;
        double evaluationBytes = footprint.EvaluationExamples * sizes.Widths * BytesPerValue;
        double total = weightBytes + Math.Max(trainingBytes, evaluationBytes);
        long available = _availableBytes();
        if (total <= available)
        {
            CheckTogether(root, seedsTogether, weightBytes, trainingBytes, evaluationBytes, available, bag);
            return;
        }

        (string path, JToken? at, string advice) = (weightBytes >= trainingBytes && weightBytes >= evaluationBytes) switch
        {
            true when footprint.WidthOption is not null => ScenarioOption(root, footprint.WidthOption, "make {0} smaller"),
            true when Find(root, "parties", sizes.LargestParty, "architecture", "options") is (JToken options, true) =>
                (JsonPaths.Child(JsonPaths.Child(JsonPaths.Child("parties", sizes.LargestParty), "architecture"), "options"), options, $"make {sizes.LargestParty}'s network narrower"),
            true => ScenarioOption(root, null, "make the networks narrower (the scenario's, the data's and the architectures' options set their widths)"),
            false when trainingBytes >= evaluationBytes => ("training.batchSize", Find(root, "training", "batchSize").Token, "lower training.batchSize"),
            false when footprint.EvaluationOption is not null => ScenarioOption(root, footprint.EvaluationOption, "lower {0}"),
            false => ScenarioOption(root, null, "evaluate on fewer examples"),
        };
        bag.Add(at, path, string.Create(
            CultureInfo.InvariantCulture,
            $"one seed needs at least {Gib(total)} of memory and {Gib(available)} is available " +
            $"(weights with their gradients and Adam's moments {Gib(weightBytes)}, a training batch of {training.BatchSize} examples {Gib(trainingBytes)}, " +
            $"an evaluation pass over {footprint.EvaluationExamples} examples {Gib(evaluationBytes)}); {advice}, or run where more memory is available."));
    }

    /// <summary>
    /// Seeds trained together hold every seed's weights and training batch at once (and all their
    /// experiments while each is evaluated): where one seed fits but the group does not, the
    /// diagnostic is at <c>training.seedsTogether</c>, with the most that fit.
    /// </summary>
    private static void CheckTogether(JObject root, int seeds, double weightBytes, double trainingBytes, double evaluationBytes, long available, DiagnosticBag bag)
    {
        double Need(int k) => (k * weightBytes) + Math.Max(k * trainingBytes, evaluationBytes);
        if (seeds <= 1 || Need(seeds) <= available)
        {
            return;
        }

        int fit = Enumerable.Range(1, seeds).Last(k => Need(k) <= available);
        bag.Add(Find(root, "training", "seedsTogether").Token, "training.seedsTogether", string.Create(
            CultureInfo.InvariantCulture,
            $"{seeds} seeds trained together need at least {Gib(Need(seeds))} of memory and {Gib(available)} is available (each seed's weights with their gradients and Adam's moments {Gib(weightBytes)} and training batch {Gib(trainingBytes)}); train at most {fit} together."));
    }

    /// <summary>The networks' sizes added up, and whose network has the most weights; null when an architecture failed to say (and a diagnostic says so).</summary>
    private static (double Parameters, double Activations, double Widths, string LargestParty)? Sizes(
        JObject root, SeedFootprint footprint, IReadOnlyList<ResolvedParty> parties, Dictionary<string, IArchitecture> architectures, DiagnosticBag bag)
    {
        double parameters = 0, activations = 0, widths = 0, largest = -1;
        string largestParty = string.Empty;
        foreach (PartyNetwork network in footprint.Networks)
        {
            NetworkSize size;
            try
            {
                // A network of a party the manifest does not have counts what every network holds.
                size = architectures.TryGetValue(network.Party, out IArchitecture? architecture)
                    ? architecture.EstimateSize(network.Shape)
                    : new NetworkSize(0, (double)network.Shape.InputWidth + network.Shape.OutputWidth);
            }
            catch (Exception e)
            {
                ResolvedComponent component = parties.First(p => p.Role.Name == network.Party).Architecture;
                bag.Add(Find(root, "parties", network.Party, "architecture").Token, JsonPaths.Child(JsonPaths.Child("parties", network.Party), "architecture"), new ComponentFaultException(component.Plugin, component.Descriptor, e).Message);
                return null;
            }

            parameters += size.Parameters;
            activations += size.ActivationsPerExample;
            widths += (double)network.Shape.InputWidth + network.Shape.OutputWidth;
            if (size.Parameters > largest)
            {
                (largest, largestParty) = (size.Parameters, network.Party);
            }
        }

        return (parameters, activations, widths, largestParty);
    }

    /// <summary>The path of a scenario option, its token or nearest ancestor, and <paramref name="advice"/> with the path in place of {0}.</summary>
    private static (string Path, JToken? At, string Advice) ScenarioOption(JObject root, string? option, string advice)
    {
        string[] segments = option?.Split('.') ?? [];
        string path = segments.Aggregate("scenario.options", JsonPaths.Child);
        return (path, Find(root, ["scenario", "options", .. segments]).Token, advice.Replace("{0}", path, StringComparison.Ordinal));
    }

    /// <summary>The token at <paramref name="path"/>, or its nearest ancestor the manifest has; whether the whole path was there.</summary>
    private static (JToken Token, bool Exact) Find(JObject root, params string[] path)
    {
        JToken current = root;
        foreach (string segment in path)
        {
            if (current is not JObject obj || obj[segment] is not JToken next)
            {
                return (current, false);
            }

            current = next;
        }

        return (current, true);
    }

    private static string Gib(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / GiB:#,0.0} GiB");
}
