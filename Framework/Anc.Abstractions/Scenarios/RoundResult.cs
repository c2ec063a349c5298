namespace Anc.Scenarios;

/// <summary>The outcome of one training round.</summary>
/// <param name="Metrics">
/// Named figures of the round, for example <c>bob.bitsWrong</c>. The scenario chooses the
/// names (<c>party.figure</c> by convention); the framework gives none a special meaning.
/// </param>
/// <param name="StopRequested">Whether the scenario's stopping rule says training is done.</param>
public sealed record RoundResult(IReadOnlyDictionary<string, double> Metrics, bool StopRequested);
