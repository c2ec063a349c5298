using Anc.Attacks;
namespace Anc.AttackPanels;

/// <summary>One attack's result on one seed's cipher, tested against guessing.</summary>
/// <param name="Label">The attack's label in the panel.</param>
/// <param name="Attack">The attack component's name.</param>
/// <param name="Result">What the attack reported.</param>
/// <param name="Chance">The figure of an attacker who learns nothing: half the plaintext bits wrong, or no advantage.</param>
/// <param name="PValue">Two-sided binomial p-value of <see cref="AttackResult.Successes"/> in <see cref="AttackResult.Trials"/> against one half (0 where it is below the smallest double).</param>
/// <param name="Log10PValue">Its base-10 logarithm, finite however small the p-value.</param>
/// <param name="Broken">Whether the p-value is below the panel's threshold: the attack did better (or worse) than guessing beyond chance.</param>
/// <param name="Seconds">How long the attack took.</param>
public sealed record AttackVerdict(string Label, string Attack, AttackResult Result, double Chance, double PValue, double Log10PValue, bool Broken, double Seconds);
