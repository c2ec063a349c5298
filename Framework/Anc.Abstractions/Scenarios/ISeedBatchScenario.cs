namespace Anc.Scenarios;

/// <summary>
/// Optional for an <see cref="IScenario"/>: trains several seeds as one batched program
/// (stacked weights, batched matrix products) where a round is many small operations, so that
/// K seeds cost little more than one. Each seed keeps its own random streams, and its figures
/// are those of training it alone, to float tolerance.
/// </summary>
public interface ISeedBatchScenario
{
    /// <summary>
    /// Creates the seeds of <paramref name="seeds"/>, trained together. For each seed in order,
    /// seed torch's generator with the context's seed before building that seed's networks, as
    /// the framework does before <see cref="IScenario.CreateExperiment"/>, so that initial weights
    /// are the ones the seed gets alone.
    /// </summary>
    /// <exception cref="NotSupportedException">These parties' components cannot be trained together; the message says why.</exception>
    ISeedBatch CreateSeedBatch(IReadOnlyList<ExperimentContext> seeds);
}
