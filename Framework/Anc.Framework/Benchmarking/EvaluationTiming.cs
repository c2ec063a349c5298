namespace Anc.Benchmarking;

/// <summary>What a benchmark timed of an experiment's evaluation (<see cref="Scenarios.IEvaluationWork"/>).</summary>
/// <param name="Unit">What one unit is, such as <c>fresh-Eve step</c>.</param>
/// <param name="Units">How many units the evaluation does at the manifest's settings.</param>
/// <param name="UnitTime">A unit's measured mean time.</param>
public sealed record EvaluationTiming(string Unit, long Units, TimeSpan UnitTime);
