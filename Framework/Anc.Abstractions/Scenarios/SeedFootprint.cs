namespace Anc.Scenarios;

/// <summary>
/// What one seed of a scenario holds at once, told from the options alone: the networks it
/// builds and how many examples it evaluates in one pass. The framework turns it into a memory
/// estimate when it reads a manifest, with the training batch size and each architecture's
/// <see cref="Components.IArchitecture.EstimateSize"/>.
/// </summary>
/// <param name="Networks">Every network that exists at the same time (Alice, Bob, Eve, ...), with its widths.</param>
/// <param name="EvaluationExamples">
/// The most examples pushed through the networks in one pass without gradients, such as the
/// held-out examples of the evaluation; 0 when there is no such pass.
/// </param>
public sealed record SeedFootprint(IReadOnlyList<PartyNetwork> Networks, long EvaluationExamples)
{
    /// <summary>
    /// The option of the scenario, under its <c>options</c>, that sets the networks' widths
    /// (for example <c>bits</c>), named by a message that finds them too large; <see langword="null"/> when no single option does.
    /// </summary>
    public string? WidthOption { get; init; }

    /// <summary>The option of the scenario, under its <c>options</c>, that sets <see cref="EvaluationExamples"/> (for example <c>evaluation.heldOutExamples</c>).</summary>
    public string? EvaluationOption { get; init; }
}
