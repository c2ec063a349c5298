namespace Anc.AttackPanels;

/// <summary>A seed's cipher and the panel's verdicts on it.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Verdicts">One per attack, in the panel's order.</param>
public sealed record SeedAttacks(int Seed, IReadOnlyList<AttackVerdict> Verdicts)
{
    /// <summary>The attack with the smallest p-value: the strongest evidence against the cipher.</summary>
    public AttackVerdict Strongest => Verdicts.MinBy(v => v.Log10PValue)!;

    /// <summary>Whether some attack broke the cipher.</summary>
    public bool Broken => Verdicts.Any(v => v.Broken);
}
