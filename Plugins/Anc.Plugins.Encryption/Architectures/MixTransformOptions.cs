using System.ComponentModel;

namespace Anc.Plugins.Encryption.Architectures;

/// <summary>Options of the <c>mix-transform</c> architecture.</summary>
public sealed class MixTransformOptions
{
    /// <summary>The paper's network (default) or the reference code's.</summary>
    [Description("'paper' (default) or 'reference' (the authors' code: no dense activation, half the depth, Xavier init).")]
    public MixTransformVariant Variant { get; set; } = MixTransformVariant.Paper;
}
