using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// How an attack trains its network: the options every built-in attack shares. Each attack's
/// options class derives from it and sets its own defaults in its constructor.
/// </summary>
public abstract class TrainedAttackOptions
{
    /// <summary>Training steps (of each network, where an attack trains several).</summary>
    [Description("Training steps (of each network, where the attack trains several).")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 2000;

    /// <summary>Messages (or games) per training step.</summary>
    [Description("Messages (or games) per training step.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 512;

    /// <summary>Adam's learning rate.</summary>
    [Description("Adam's learning rate.")]
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 0.001;

    /// <summary>Every how many steps the network is measured on the validation set.</summary>
    [Description("Every how many steps the network is measured on the validation set (and its best weights kept).")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 250;

    /// <summary>Messages (or games) in the validation set.</summary>
    [Description("Messages (or games) in the validation set, which picks the network measured; the held-out set is apart.")]
    [Range(1, 10_000_000)]
    public int ValidationExamples { get; set; } = 4096;
}
