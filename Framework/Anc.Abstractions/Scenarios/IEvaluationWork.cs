namespace Anc.Scenarios;

/// <summary>
/// Optional, for an <see cref="IExperiment"/>: its evaluation as a count of like units of work
/// (for the encryption scenarios, steps of fresh Eves trained against the frozen defenders), so
/// that a benchmark (<c>anc-host bench</c>) can time a few units and tell what a whole seed
/// costs at the manifest's settings. Training and runs never call it.
/// </summary>
public interface IEvaluationWork
{
    /// <summary>What one unit is, for messages, such as <c>fresh-Eve step</c>.</summary>
    string EvaluationUnit { get; }

    /// <summary>How many units <see cref="IExperiment.Evaluate"/> does at the experiment's settings.</summary>
    long EvaluationUnits { get; }

    /// <summary>
    /// Does at least <paramref name="count"/> units of the evaluation's work as
    /// <see cref="IExperiment.Evaluate"/> does them (several at once where it does them together),
    /// against the experiment as trained so far, and keeps nothing: the experiment and torch's
    /// generator are left as they were. Returns how many units it did.
    /// </summary>
    int RunEvaluationUnits(int count);
}
