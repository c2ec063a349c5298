using Anc.Scenarios;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>A party of a resolved manifest with its components.</summary>
/// <param name="Role">The scenario's role.</param>
/// <param name="Architecture">Its network's architecture.</param>
/// <param name="Loss">Its reconstruction loss.</param>
/// <param name="Adversary">For an attacker, its adversary.</param>
public sealed record ResolvedParty(PartyRole Role, ResolvedComponent Architecture, ResolvedComponent Loss, ResolvedComponent? Adversary)
{
    /// <summary>The party as the resolved manifest writes it.</summary>
    public JObject ToJson()
    {
        JObject json = new()
        {
            ["architecture"] = Architecture.ToJson(),
            ["loss"] = Loss.ToJson(),
        };
        if (Adversary is not null)
        {
            json["adversary"] = Adversary.ToJson();
        }

        return json;
    }
}
