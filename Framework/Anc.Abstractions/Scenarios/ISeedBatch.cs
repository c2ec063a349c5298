namespace Anc.Scenarios;

/// <summary>Several seeds of one scenario trained as one program (see <see cref="ISeedBatchScenario"/>).</summary>
public interface ISeedBatch : IDisposable
{
    /// <summary>How many seeds it trains.</summary>
    int Count { get; }

    /// <summary>
    /// One training round of every seed: their results, in the order of their experiments. A
    /// seed the framework has finished (stopped, diverged) keeps training here, unobserved: its
    /// figures cannot reach the others', since each seed's loss depends on its own weights only.
    /// </summary>
    /// <param name="step">The round's number, from 1.</param>
    IReadOnlyList<RoundResult> TrainRound(long step);

    /// <summary>
    /// Copies seed <paramref name="index"/>'s current state (weights, optimizer states, data
    /// streams) back into the experiment it was stacked from, which is then the experiment that
    /// training it alone would have left: ready to checkpoint or evaluate.
    /// </summary>
    void WriteBack(int index);
}
