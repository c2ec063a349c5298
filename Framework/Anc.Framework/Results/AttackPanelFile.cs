namespace Anc.Results;

/// <summary>The panel of <see cref="AttackFile"/>.</summary>
/// <param name="Source">Where it came from: a panel file, or the scenario's default.</param>
/// <param name="HeldOutExamples">Fresh held-out messages each attack is measured on.</param>
/// <param name="Alpha">The false-alarm rate of the whole panel.</param>
/// <param name="Threshold">The p-value below which one attack counts as breaking a cipher (alpha over the attacks).</param>
/// <param name="Attacks">Its attacks.</param>
public sealed record AttackPanelFile(string Source, int HeldOutExamples, double Alpha, double Threshold, IReadOnlyList<PanelAttackFile> Attacks);
