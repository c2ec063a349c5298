using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Anc.Plugins.Encryption.Architectures;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>fresh-eve</c> attack.</summary>
public sealed class FreshEveAttackOptions
{
    /// <summary>Which network Eve is.</summary>
    [Description("Eve's network: mixTransform (the paper's) or mlp (a multilayer perceptron of hiddenLayers x widthFactor).")]
    public EveNetworkKind Network { get; set; } = EveNetworkKind.MixTransform;

    /// <summary>The mix-and-transform variant, for <see cref="EveNetworkKind.MixTransform"/>.</summary>
    [Description("The mix-and-transform variant (paper or reference), for network mixTransform.")]
    public MixTransformVariant Variant { get; set; } = MixTransformVariant.Paper;

    /// <summary>Hidden layers, for <see cref="EveNetworkKind.Mlp"/>.</summary>
    [Description("Hidden layers, for network mlp.")]
    [Range(1, 16)]
    public int HiddenLayers { get; set; } = 3;

    /// <summary>Each hidden layer's width as a multiple of what Eve observes, for <see cref="EveNetworkKind.Mlp"/>.</summary>
    [Description("Each hidden layer's width as a multiple of Eve's input width, for network mlp.")]
    [Range(1, 64)]
    public int WidthFactor { get; set; } = 4;

    /// <summary>Eves trained from scratch; the one best on the validation set is measured.</summary>
    [Description("Eves trained from scratch, each with its own initial weights; the best on the validation set is measured on the held-out set.")]
    [Range(1, 100)]
    public int Restarts { get; set; } = 3;

    /// <summary>Training steps of each Eve.</summary>
    [Description("Training steps of each Eve.")]
    [Range(1, 100_000_000)]
    public int Steps { get; set; } = 2000;

    /// <summary>Messages per training step.</summary>
    [Description("Messages per training step.")]
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 512;

    /// <summary>Adam's learning rate.</summary>
    [Description("Adam's learning rate (the paper's: 0.0008).")]
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 0.0008;

    /// <summary>Every how many steps Eve is measured on the validation set.</summary>
    [Description("Every how many steps Eve is measured on the validation set (and her best weights kept).")]
    [Range(1, 100_000_000)]
    public int MeasureEvery { get; set; } = 250;

    /// <summary>Messages in the validation set.</summary>
    [Description("Messages in the validation set, which picks the best Eve; the held-out set is apart.")]
    [Range(1, 10_000_000)]
    public int ValidationExamples { get; set; } = 4096;
}
