namespace Anc.Evaluation;

/// <summary>
/// Offsets from a seed of the random streams an evaluation draws from, so that no held-out
/// example is trained on or picked by, and each fresh Eve has weights and data of her own.
/// The scenarios' training data is drawn from the seed itself.
/// </summary>
public static class EvaluationStreams
{
    /// <summary>The held-out examples.</summary>
    public const long HeldOut = 0x5EED_0001;

    /// <summary>The validation examples.</summary>
    public const long Validation = 0x5EED_0002;

    /// <summary>The first fresh Eve's weights and training data; Eve k (from 0) uses this plus k.</summary>
    public const long FreshEves = 0x5EED_1000;
}
