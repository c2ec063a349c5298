namespace Anc.Attacks;

/// <summary>Optional for an <see cref="Scenarios.IScenario"/> whose experiments are <see cref="IAttackableExperiment"/>.</summary>
public interface IAttackableScenario
{
    /// <summary>
    /// The panel of attacks <c>anc-host attack</c> runs when it is given none, as the text of a
    /// panel file (<c>{ "heldOutExamples": ..., "alpha": ..., "attacks": { "label": { "name": ..., "options": { ... } } } }</c>).
    /// </summary>
    string DefaultPanel { get; }
}
