namespace Anc.Observers;

/// <summary>One seed has finished, successfully or not.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Status"><c>completed</c>, <c>crashed</c> or <c>cancelled</c>.</param>
/// <param name="Success">Whether it met the scenario's criteria.</param>
/// <param name="Steps">Training rounds done.</param>
/// <param name="Metrics">Its final figures.</param>
/// <param name="Message">The evaluation's verdict, or the error that ended it.</param>
public sealed record SeedCompleted(int Seed, string Status, bool Success, long Steps, IReadOnlyDictionary<string, double> Metrics, string Message);
