namespace Anc.Evaluation;

/// <summary>What a <see cref="FreshEveGroup"/> measures, as its metrics name it, and which way is better for Eve.</summary>
/// <param name="Name">The metric's name after <c>freshEve{n}.</c>, such as <c>bitsWrong</c>.</param>
/// <param name="LowerIsBetter">Whether a lower figure means a better Eve (bits wrong), or a higher one (an advantage).</param>
public sealed record FreshEveFigure(string Name, bool LowerIsBetter)
{
    /// <summary>Whether <paramref name="figure"/> is a better Eve than <paramref name="than"/>.</summary>
    public bool Better(double figure, double than) => LowerIsBetter ? figure < than : figure > than;
}
