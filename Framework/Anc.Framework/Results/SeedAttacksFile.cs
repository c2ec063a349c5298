namespace Anc.Results;

/// <summary>One seed's cipher in <see cref="AttackFile"/>.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Broken">Whether some attack broke it.</param>
/// <param name="Strongest">The label of the attack with the smallest p-value.</param>
/// <param name="Verdict">One sentence: which attacks it survived, at what sample size.</param>
/// <param name="Attacks">Each attack's verdict.</param>
public sealed record SeedAttacksFile(int Seed, bool Broken, string Strongest, string Verdict, IReadOnlyList<AttackVerdictFile> Attacks);
