namespace Anc.Scenarios;

/// <summary>
/// One seed of a scenario: trained round by round, then evaluated. The framework calls
/// <see cref="TrainRound"/> with steps 1, 2, … up to <see cref="TrainingOptions.MaxSteps"/>
/// or until a round asks to stop, logs the returned metrics every
/// <see cref="TrainingOptions.LogEvery"/> rounds (and at the last), calls
/// <see cref="SaveCheckpoint"/> every <see cref="TrainingOptions.CheckpointEvery"/> rounds and
/// after the last, then <see cref="Evaluate"/>, and finally disposes the experiment. To resume a
/// killed run it creates the experiment anew (same seed, same context) and calls
/// <see cref="RestoreCheckpoint"/> before the next round.
/// </summary>
public interface IExperiment : IDisposable
{
    /// <summary>Runs one training round (for the symmetric scenario: Alice and Bob's steps, then the adversary's).</summary>
    /// <param name="step">The round's number, from 1.</param>
    RoundResult TrainRound(long step);

    /// <summary>Runs the scenario's evaluation protocol on the trained parties and says whether the seed succeeded.</summary>
    EvaluationResult Evaluate();

    /// <summary>
    /// Writes into <paramref name="directory"/>, which exists and is empty, everything this
    /// experiment needs to go on exactly: its networks' weights, its optimizers' states, the
    /// state of the random generators it owns, and any counter of its own. Torch's global
    /// generator and the step are the framework's to keep.
    /// </summary>
    void SaveCheckpoint(string directory);

    /// <summary>
    /// Reads back what <see cref="SaveCheckpoint"/> wrote into <paramref name="directory"/>, into
    /// an experiment just created for the same seed, so that its next round is the one the saved
    /// experiment would have trained: on CPU with the same threads, a resumed run's figures equal
    /// an uninterrupted one's. The default says it cannot, and the seed then starts over.
    /// </summary>
    /// <exception cref="NotSupportedException">The experiment cannot resume.</exception>
    void RestoreCheckpoint(string directory) =>
        throw new NotSupportedException($"{GetType().Name} cannot resume from a checkpoint.");
}
