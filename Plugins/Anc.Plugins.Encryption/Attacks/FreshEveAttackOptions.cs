using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Anc.Plugins.Encryption.Architectures;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>fresh-eve</c> attack.</summary>
public sealed class FreshEveAttackOptions : TrainedAttackOptions
{
    /// <summary>Eve's defaults: the paper's learning rate.</summary>
    public FreshEveAttackOptions()
    {
        LearningRate = 0.0008;
    }

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
}
