using Anc.Scenarios;

namespace Anc.Results;

/// <summary><c>seed-&lt;n&gt;/evaluation.json</c>: a completed seed's evaluation.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="TrainingSteps">The rounds it trained before the evaluation.</param>
/// <param name="Success">Whether it met the scenario's criteria.</param>
/// <param name="Criterion">The criterion, as the scenario names it; null where it names none.</param>
/// <param name="Verdict">One sentence saying why.</param>
/// <param name="Metrics">The final figures.</param>
/// <param name="Adversaries">Each adversary trained for the evaluation (fresh Eves, for example).</param>
public sealed record EvaluationFile(
    int Seed, long TrainingSteps, bool Success, string? Criterion, string Verdict, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<AdversaryTrial> Adversaries)
{
    /// <summary>Its name in the seed's folder.</summary>
    public const string FileName = "evaluation.json";
}
