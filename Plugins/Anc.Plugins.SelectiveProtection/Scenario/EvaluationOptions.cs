using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// The check after training: fresh Eves are trained from scratch against the frozen Alice and
/// the largest advantage over Blind Eve that any of them reaches on held-out data is reported.
/// </summary>
public sealed class EvaluationOptions
{
    /// <summary>How many fresh Eves to train.</summary>
    [Description("How many fresh Eves to train against the frozen Alice (default 3).")]
    [Range(1, 1000)]
    public int FreshEves { get; set; } = 3;

    /// <summary>Training steps of each fresh Eve.</summary>
    [Description("Training steps of each fresh Eve (default 2000).")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 2000;

    /// <summary>Every how many steps a fresh Eve is measured on the held-out examples.</summary>
    [Description("Every how many steps each fresh Eve is measured on held-out data; her largest advantage counts (default 250).")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 250;

    /// <summary>Held-out examples every figure of the evaluation is measured on; Blind Eve's guess (C's mean) comes from them too.</summary>
    [Description("Held-out examples every evaluation figure is measured on; Blind Eve's guess, C's mean, is estimated from them (default 16384).")]
    [Range(2, 1 << 22)]
    public int HeldOutExamples { get; set; } = 16_384;
}
