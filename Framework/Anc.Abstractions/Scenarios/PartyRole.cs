namespace Anc.Scenarios;

/// <summary>
/// A party a scenario needs (Alice, Bob, Eve), with the components a manifest gets when it
/// does not name them. A defender's role is made with the constructor alone; an attacker's
/// also sets <see cref="DefaultAdversary"/> and <see cref="ObservableSignals"/>:
/// <code>
/// new PartyRole("eve", "Sees the ciphertext.", "mix-transform", "l1-bits")
/// {
///     DefaultAdversary = "eve",
///     ObservableSignals = ["ciphertext"],
/// }
/// </code>
/// </summary>
public sealed record PartyRole
{
    /// <summary>Creates a role.</summary>
    /// <param name="name">The key under <c>parties</c> in a manifest, for example <c>bob</c>.</param>
    /// <param name="description">What the party does, in the paper's words.</param>
    /// <param name="defaultArchitecture">The architecture used when the manifest names none.</param>
    /// <param name="defaultLoss">
    /// The loss used when the manifest names none. Every party has one; the scenario decides
    /// what it measures (the symmetric scenario trains Bob and Eve on theirs and leaves Alice's unused).
    /// </param>
    public PartyRole(string name, string description, string defaultArchitecture, string defaultLoss)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        DefaultArchitecture = defaultArchitecture;
        DefaultLoss = defaultLoss;
    }

    /// <summary>The key under <c>parties</c> in a manifest, for example <c>alice</c>.</summary>
    public string Name { get; }

    /// <summary>What the party does, in the paper's words.</summary>
    public string Description { get; }

    /// <summary>The architecture used when the manifest names none.</summary>
    public string DefaultArchitecture { get; }

    /// <summary>The loss used when the manifest names none.</summary>
    public string DefaultLoss { get; }

    /// <summary>For an attacker's role, the adversary used when the manifest names none; <see langword="null"/> for defenders.</summary>
    public string? DefaultAdversary { get; init; }

    /// <summary>For an attacker's role, the public signals an adversary may observe.</summary>
    public IReadOnlyList<string> ObservableSignals { get; init; } = [];

    /// <summary>Whether this role is an attacker's.</summary>
    public bool IsAdversary => DefaultAdversary is not null;
}
