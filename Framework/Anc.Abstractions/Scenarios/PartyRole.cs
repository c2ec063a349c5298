namespace Anc.Scenarios;

/// <summary>
/// A party a scenario needs (Alice, Bob, Eve), with the components a manifest gets when it
/// does not name them.
/// </summary>
public sealed record PartyRole
{
    /// <summary>Creates a role.</summary>
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
