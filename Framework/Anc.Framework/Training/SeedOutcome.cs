namespace Anc.Training;

/// <summary>How one seed ended.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Status"><c>completed</c>, <c>crashed</c> or <c>cancelled</c>.</param>
/// <param name="Success">Whether it met the scenario's criteria.</param>
/// <param name="Steps">Training rounds done.</param>
/// <param name="Metrics">Its final figures.</param>
/// <param name="Message">The verdict, or the error that ended it.</param>
/// <param name="DurationSeconds">Wall-clock time, training and evaluation.</param>
public sealed record SeedOutcome(int Seed, string Status, bool Success, long Steps, IReadOnlyDictionary<string, double> Metrics, string Message, double DurationSeconds)
{
    /// <summary>The success criterion it was judged by (<see cref="Anc.Scenarios.EvaluationResult.Criterion"/>); null where none was named.</summary>
    public string? Criterion { get; init; }
}
