namespace Anc.Observers;

/// <summary>Figures reported by one seed at one step.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Phase">A <see cref="MetricPhase"/> value.</param>
/// <param name="Step">The step within the phase.</param>
/// <param name="TotalSteps">The most steps the phase will take.</param>
/// <param name="Values">The figures, for example <c>bob.bitsWrong</c>.</param>
public sealed record MetricEvent(int Seed, string Phase, long Step, long TotalSteps, IReadOnlyDictionary<string, double> Values);
