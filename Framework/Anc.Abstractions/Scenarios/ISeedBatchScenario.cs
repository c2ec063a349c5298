namespace Anc.Scenarios;

/// <summary>
/// Optional for an <see cref="IScenario"/>: trains several seeds as one batched program
/// (stacked weights, batched matrix products) where a round is many small operations, so that
/// K seeds cost little more than one. Each seed keeps its own random streams, and its figures
/// are those of training it alone, to float tolerance. A manifest asks for it with
/// <see cref="TrainingOptions.SeedsTogether"/>.
/// </summary>
public interface ISeedBatchScenario
{
    /// <summary>
    /// Why seeds with these parties cannot be trained together, in one sentence that names the
    /// party or option to change; <see langword="null"/> when they can. The framework asks when it
    /// reads a manifest, so that a refusal comes before anything is trained.
    /// </summary>
    /// <param name="parties">One seed's parties, by role name, as the manifest makes them.</param>
    string? WhyNotTogether(IReadOnlyDictionary<string, Party> parties);

    /// <summary>
    /// Stacks <paramref name="seeds"/>, experiments this scenario created (<see cref="IScenario.CreateExperiment"/>),
    /// each perhaps restored from a checkpoint, all after the same round. The batch copies their
    /// weights and optimizer states and may share their data streams; it neither owns nor disposes
    /// them. From then on they are not trained directly: <see cref="ISeedBatch.WriteBack"/> brings
    /// one up to date, to checkpoint or evaluate it. Training must not draw from torch's global
    /// generator, which the framework keeps per seed.
    /// </summary>
    /// <exception cref="NotSupportedException">These experiments cannot be trained together; the message says why.</exception>
    ISeedBatch CreateSeedBatch(IReadOnlyList<IExperiment> seeds);
}
