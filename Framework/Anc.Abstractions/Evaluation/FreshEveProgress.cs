namespace Anc.Evaluation;

/// <summary>A <see cref="FreshEveEvaluation"/>'s progress after a measurement.</summary>
/// <param name="Done">Eve-steps done by all the fresh Eves together.</param>
/// <param name="Total">Eve-steps of the whole evaluation.</param>
/// <param name="Metrics">The validation figures just measured, such as <c>freshEve2.bitsWrong</c>.</param>
public sealed record FreshEveProgress(long Done, long Total, IReadOnlyDictionary<string, double> Metrics);
