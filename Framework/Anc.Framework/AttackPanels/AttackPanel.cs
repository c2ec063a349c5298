namespace Anc.AttackPanels;

/// <summary>
/// The adversaries <c>anc-host attack</c> puts a trained cipher in front of, and how their
/// results are judged: each attack is measured on <see cref="HeldOutExamples"/> fresh messages
/// and counts as breaking the cipher where its two-sided binomial p-value is below
/// <see cref="Alpha"/> divided by the number of attacks (Bonferroni: the whole panel then
/// raises a false alarm against a cipher that leaks nothing with probability at most
/// <see cref="Alpha"/>).
/// </summary>
/// <param name="Source">Where the panel came from: its file, or the scenario's default.</param>
/// <param name="HeldOutExamples">Fresh messages (or games) each attack is finally measured on.</param>
/// <param name="Alpha">The panel's significance level.</param>
/// <param name="Attacks">The adversaries, in the panel's order.</param>
public sealed record AttackPanel(string Source, int HeldOutExamples, double Alpha, IReadOnlyList<PanelEntry> Attacks)
{
    /// <summary>The p-value below which one attack breaks the cipher: <see cref="Alpha"/> over the number of attacks.</summary>
    public double Threshold => Alpha / Attacks.Count;
}
