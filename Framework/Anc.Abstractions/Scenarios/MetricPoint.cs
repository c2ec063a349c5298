namespace Anc.Scenarios;

/// <summary>One measurement of a figure at a step.</summary>
/// <param name="Step">The step it was measured at.</param>
/// <param name="Value">The figure.</param>
public readonly record struct MetricPoint(long Step, double Value);
