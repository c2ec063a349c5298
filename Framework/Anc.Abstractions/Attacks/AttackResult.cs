using Anc.Scenarios;

namespace Anc.Attacks;

/// <summary>
/// How an attack did on held-out messages it never trained on or chose by. Each trial is, for
/// an attacker who learns nothing from what it observes, a fair coin: a plaintext bit guessed
/// (uniform plaintexts), or one game of two plaintexts. The framework tests
/// <see cref="Successes"/> of <see cref="Trials"/> against one half.
/// </summary>
/// <param name="Measure">What the trials are.</param>
/// <param name="Figure">Bits wrong per message, or the advantage (see <see cref="AttackMeasure"/>).</param>
/// <param name="Trials">Held-out trials.</param>
/// <param name="Successes">Trials the attack got right.</param>
/// <param name="History">The figure on a validation set (not the held-out one) as the attack trained.</param>
/// <param name="Detail">What was run, in a few words (for example <c>best of 3 restarts of 2000 steps</c>).</param>
public sealed record AttackResult(AttackMeasure Measure, double Figure, long Trials, long Successes, IReadOnlyList<MetricPoint> History, string Detail);
