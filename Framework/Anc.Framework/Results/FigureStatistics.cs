namespace Anc.Results;

/// <summary>One figure over the seeds that completed, in <c>summary.json</c>'s <c>metrics</c>.</summary>
/// <param name="Median">The median.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="Seeds">Over how many seeds (a figure some seeds lack counts only theirs).</param>
public sealed record FigureStatistics(double Median, double Min, double Max, int Seeds);
