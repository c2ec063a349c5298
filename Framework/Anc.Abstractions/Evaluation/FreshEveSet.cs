namespace Anc.Evaluation;

/// <summary>Which of a <see cref="FreshEveEvaluation"/>'s two sets an Eve is measured on.</summary>
public enum FreshEveSet
{
    /// <summary>The validation set: measured while she trains, it picks her weights.</summary>
    Validation,

    /// <summary>The held-out set: measured once, with the weights the validation set picked.</summary>
    HeldOut,
}
