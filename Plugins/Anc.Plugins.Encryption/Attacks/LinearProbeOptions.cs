using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>linear-probe</c> attack.</summary>
public sealed class LinearProbeOptions
{
    /// <summary>Training steps.</summary>
    [Description("Training steps.")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 2000;

    /// <summary>Messages per training step.</summary>
    [Description("Messages per training step.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 512;

    /// <summary>Adam's learning rate.</summary>
    [Description("Adam's learning rate.")]
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 0.01;

    /// <summary>Every how many steps the probe is measured on the validation set.</summary>
    [Description("Every how many steps the probe is measured on the validation set (and its best weights kept).")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 250;

    /// <summary>Messages in the validation set.</summary>
    [Description("Messages in the validation set; the held-out set is apart.")]
    [Range(1, 10_000_000)]
    public int ValidationExamples { get; set; } = 4096;
}
