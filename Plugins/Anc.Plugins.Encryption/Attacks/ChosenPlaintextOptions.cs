using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>chosen-plaintext</c> attack.</summary>
public sealed class ChosenPlaintextOptions
{
    /// <summary>Hidden layers of the scorer (how well a plaintext fits an observation).</summary>
    [Description("Hidden layers of the scorer, which rates how well a plaintext fits an observation.")]
    [Range(1, 16)]
    public int HiddenLayers { get; set; } = 2;

    /// <summary>Each hidden layer's width as a multiple of the scorer's input width (a plaintext and an observation).</summary>
    [Description("Each hidden layer's width as a multiple of the scorer's input width (one plaintext and one observation).")]
    [Range(1, 64)]
    public int WidthFactor { get; set; } = 4;

    /// <summary>Training steps.</summary>
    [Description("Training steps (each a batch of games).")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 3000;

    /// <summary>Games per training step.</summary>
    [Description("Games per training step.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 512;

    /// <summary>Adam's learning rate.</summary>
    [Description("Adam's learning rate.")]
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 0.001;

    /// <summary>Every how many steps the distinguisher is measured on the validation games.</summary>
    [Description("Every how many steps the distinguisher is measured on the validation games (and its best weights kept).")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 250;

    /// <summary>Games in the validation set.</summary>
    [Description("Games in the validation set; the held-out games are apart.")]
    [Range(1, 10_000_000)]
    public int ValidationExamples { get; set; } = 4096;
}
