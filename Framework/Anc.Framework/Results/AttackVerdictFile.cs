using Anc.Scenarios;

namespace Anc.Results;

/// <summary>One attack on one seed's cipher, in <see cref="SeedAttacksFile"/>.</summary>
/// <param name="Label">The attack's label in the panel.</param>
/// <param name="Attack">The attack component's name.</param>
/// <param name="Measure"><c>bitsRecovered</c> or <c>distinguishing</c>.</param>
/// <param name="Figure">Its figure: bits wrong, or the distinguishing advantage.</param>
/// <param name="Chance">The figure guessing gets.</param>
/// <param name="Trials">Trials on held-out messages.</param>
/// <param name="Successes">Correct trials.</param>
/// <param name="PValue">The two-sided binomial test's p-value against guessing; 0 below the smallest double.</param>
/// <param name="Log10PValue">Its base-10 logarithm, exact where the p-value underflows.</param>
/// <param name="Broken">Whether it broke the cipher (p below the panel's threshold).</param>
/// <param name="Detail">What it ran.</param>
/// <param name="Seconds">How long it took.</param>
/// <param name="History">Its figure on validation data as it trained.</param>
public sealed record AttackVerdictFile(
    string Label,
    string Attack,
    string Measure,
    double Figure,
    double Chance,
    long Trials,
    long Successes,
    double PValue,
    double Log10PValue,
    bool Broken,
    string Detail,
    double Seconds,
    IReadOnlyList<MetricPoint> History);
