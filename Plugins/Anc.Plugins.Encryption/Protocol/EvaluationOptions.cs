using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// The robustness check: after training, fresh Eves are trained from scratch against the
/// frozen Alice and the best of them is reported.
/// </summary>
public sealed class EvaluationOptions
{
    /// <summary>How many fresh Eves to train (reference code: 5).</summary>
    [Description("How many fresh Eves to train against the frozen Alice (reference code: 5).")]
    [Range(1, 1000)]
    public int FreshEves { get; set; } = 5;

    /// <summary>Training steps of each fresh Eve.</summary>
    [Description("Training steps of each fresh Eve (reference code: 250000).")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 20_000;

    /// <summary>Every how many steps a fresh Eve is measured on the held-out examples.</summary>
    [Description("Every how many steps each fresh Eve is measured on held-out data; her best measurement counts.")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 1000;

    /// <summary>Held-out examples every figure of the evaluation is measured on.</summary>
    [Description("Held-out examples (plaintext, key pairs) every evaluation figure is measured on.")]
    [Range(1, 1 << 22)]
    public int HeldOutExamples { get; set; } = 16_384;
}
