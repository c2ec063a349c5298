namespace Anc.Components;

/// <summary>
/// An attacker: which of the scenario's public signals it observes and how it is trained.
/// Its network comes from the party's architecture and its loss from the party's loss.
/// </summary>
public interface IAdversary
{
    /// <summary>The public signals (named by the scenario, for example <c>ciphertext</c>) the attacker sees, in the order its input concatenates them.</summary>
    IReadOnlyList<string> Observes { get; }

    /// <summary>How many minibatches the attacker trains on in each round, after the defenders' steps.</summary>
    int StepsPerRound { get; }
}
