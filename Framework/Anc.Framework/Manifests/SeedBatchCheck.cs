using Anc.Scenarios;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// Refuses, when a manifest is read, <c>training.seedsTogether</c> above 1 where the scenario or
/// its parties cannot train seeds together (<see cref="ISeedBatchScenario.WhyNotTogether"/>),
/// so that the refusal comes before a run directory exists.
/// </summary>
internal sealed class SeedBatchCheck(ComponentFactory factory)
{
    private static readonly string Path = JsonPaths.Child("training", "seedsTogether");

    /// <summary>Adds one diagnostic to <paramref name="bag"/> when a valid manifest's seeds cannot be trained together.</summary>
    public void Check(JObject root, ResolvedComponent scenarioComponent, IScenario scenario, IReadOnlyList<ResolvedParty> parties, TrainingOptions training, DiagnosticBag bag)
    {
        if (training.SeedsTogether == 1)
        {
            return;
        }

        JToken? at = root["training"]?["seedsTogether"];
        if (scenario is not ISeedBatchScenario batching)
        {
            bag.Add(at, Path, $"scenario '{scenarioComponent.Descriptor.Name}' cannot train seeds together; set it to 1.");
            return;
        }

        string? reason;
        try
        {
            reason = batching.WhyNotTogether(parties.ToDictionary(p => p.Role.Name, factory.CreateParty));
        }
        catch (ComponentFaultException)
        {
            // A component that cannot even be created fails the run with its own message.
            return;
        }
        catch (Exception e)
        {
            bag.Add(root["scenario"], "scenario", new ComponentFaultException(scenarioComponent.Plugin, scenarioComponent.Descriptor, e).Message);
            return;
        }

        if (reason is not null)
        {
            bag.Add(at, Path, $"{reason.TrimEnd('.')}; set it to 1 to train the seeds one by one.");
        }
    }
}
