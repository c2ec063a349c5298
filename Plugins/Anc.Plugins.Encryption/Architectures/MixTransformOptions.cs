using System.ComponentModel;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>Options of the <c>mix-transform</c> architecture.</summary>
public sealed class MixTransformOptions
{
    /// <summary>The paper's network (default) or the reference code's.</summary>
    [Description("'paper' (default) or 'reference' (the authors' code: no dense activation, half the depth, Xavier init).")]
    public MixTransformVariant Variant { get; set; } = MixTransformVariant.Paper;

    /// <summary>How the convolutions are computed; every choice is the same function.</summary>
    [Description("'matrixProducts' (default, fastest) or 'layers' (Conv1d layer by layer, as the paper draws it): the same function either way.")]
    public MixTransformImplementation Implementation { get; set; } = MixTransformImplementation.MatrixProducts;
}
