using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Evaluation;

/// <summary>
/// How a <see cref="FreshEveEvaluation"/> runs: how many fresh Eves, how long each trains, how
/// often she is measured on the validation set, and how large the validation and held-out sets
/// are. The defaults are the paper's symmetric experiment's; a scenario with other defaults
/// derives a class that sets them in its constructor.
/// </summary>
public class FreshEveOptions
{
    /// <summary>How many fresh Eves to train (the paper's reference code: 5).</summary>
    [Description("How many fresh Eves to train against the frozen cipher.")]
    [Range(1, 1000)]
    public int FreshEves { get; set; } = 5;

    /// <summary>Training steps of each fresh Eve.</summary>
    [Description("Training steps of each fresh Eve.")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 20_000;

    /// <summary>Every how many steps a fresh Eve is measured on the validation set (and after her last step).</summary>
    [Description("Every how many steps each fresh Eve is measured on the validation set; the weights of her best measurement are kept and measured on the held-out set.")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 1000;

    /// <summary>Examples in the validation set, which picks each Eve's weights.</summary>
    [Description("Examples in the validation set, which picks each fresh Eve's weights; the held-out set is apart.")]
    [Range(1, 1 << 22)]
    public int ValidationExamples { get; set; } = 4096;

    /// <summary>Held-out examples every figure of the evaluation is measured on.</summary>
    [Description("Held-out examples every evaluation figure is measured on.")]
    [Range(1, 1 << 22)]
    public int HeldOutExamples { get; set; } = 16_384;
}
