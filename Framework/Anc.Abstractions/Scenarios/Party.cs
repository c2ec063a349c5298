using Anc.Components;

namespace Anc.Scenarios;

/// <summary>One party of an experiment with its components resolved and configured.</summary>
public sealed class Party
{
    /// <summary>Creates a party; the framework does this from the manifest, a scenario only reads parties.</summary>
    /// <param name="role">The role it plays.</param>
    /// <param name="architecture">Builds its network.</param>
    /// <param name="loss">Its loss.</param>
    /// <param name="adversary">For an attacker's role, its adversary; <see langword="null"/> for a defender.</param>
    public Party(PartyRole role, IArchitecture architecture, ILossFunction loss, IAdversary? adversary)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(loss);
        if (role.IsAdversary && adversary is null)
        {
            throw new ArgumentException($"Party '{role.Name}' is an attacker and needs an adversary.", nameof(adversary));
        }

        Role = role;
        Architecture = architecture;
        Loss = loss;
        Adversary = adversary;
    }

    /// <summary>The role this party plays.</summary>
    public PartyRole Role { get; }

    /// <summary>The party's name, for example <c>bob</c>.</summary>
    public string Name => Role.Name;

    /// <summary>Builds the party's network.</summary>
    public IArchitecture Architecture { get; }

    /// <summary>The party's reconstruction loss.</summary>
    public ILossFunction Loss { get; }

    /// <summary>For an attacker, what it observes and its schedule.</summary>
    public IAdversary? Adversary { get; }
}
