namespace Anc.Scenarios;

/// <summary>The outcome of a seed's evaluation.</summary>
/// <param name="Success">Whether the seed met the scenario's success criteria.</param>
/// <param name="Metrics">The seed's final named figures, reported in the run summary.</param>
/// <param name="Adversaries">Each adversary trained during evaluation, such as the fresh Eves.</param>
/// <param name="Verdict">One sentence that says why the seed succeeded or failed.</param>
public sealed record EvaluationResult(
    bool Success,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<AdversaryTrial> Adversaries,
    string Verdict)
{
    /// <summary>
    /// What success means, in one phrase, the same for every seed of a manifest (such as
    /// <c>Bob at most 0.05 bits wrong and the trained Eve at least 6 bits wrong of 16, on held-out data</c>);
    /// <c>summary.json</c> names it. <see langword="null"/> where the scenario does not say.
    /// </summary>
    public string? Criterion { get; init; }
}
