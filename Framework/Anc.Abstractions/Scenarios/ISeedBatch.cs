namespace Anc.Scenarios;

/// <summary>Several seeds of one scenario trained as one program (see <see cref="ISeedBatchScenario"/>).</summary>
public interface ISeedBatch : IDisposable
{
    /// <summary>How many seeds it trains.</summary>
    int Count { get; }

    /// <summary>One training round of every seed: their results, in the order of their contexts.</summary>
    /// <param name="step">The round's number, from 1.</param>
    IReadOnlyList<RoundResult> TrainRound(long step);
}
