namespace Anc.Scenarios;

/// <summary>The outcome of one training round.</summary>
/// <param name="Metrics">Named figures of the round, for example <c>bob.bitsWrong</c>.</param>
/// <param name="StopRequested">Whether the scenario's stopping rule says training is done.</param>
public sealed record RoundResult(IReadOnlyDictionary<string, double> Metrics, bool StopRequested);
