namespace Anc.Scenarios;

/// <summary>
/// One seed of a scenario: trained round by round, then evaluated. The framework calls
/// <see cref="TrainRound"/> with steps 1, 2, … up to <see cref="TrainingOptions.MaxSteps"/>
/// or until a round asks to stop, logs the returned metrics every
/// <see cref="TrainingOptions.LogEvery"/> rounds (and at the last), then calls
/// <see cref="SaveCheckpoint"/> and <see cref="Evaluate"/>, and finally disposes the experiment.
/// </summary>
public interface IExperiment : IDisposable
{
    /// <summary>Runs one training round (for the symmetric scenario: Alice and Bob's steps, then the adversary's).</summary>
    /// <param name="step">The round's number, from 1.</param>
    RoundResult TrainRound(long step);

    /// <summary>Runs the scenario's evaluation protocol on the trained parties and says whether the seed succeeded.</summary>
    EvaluationResult Evaluate();

    /// <summary>Writes the networks' weights (and what else resuming needs) into <paramref name="directory"/>, which exists.</summary>
    void SaveCheckpoint(string directory);
}
