namespace Anc.Plugins.Encryption.Architectures;

/// <summary>Which description of the mix-and-transform network to follow.</summary>
public enum MixTransformVariant
{
    /// <summary>The paper: dense layer with sigmoid, convolutions (4,1,2,1), (2,2,4,2), (1,4,4,1), (1,4,1,1).</summary>
    Paper,

    /// <summary>The authors' reference code: dense layer without activation, convolutions of half the depth (2,1,2,2), (1,2,2,1), (1,2,1,1), Xavier initialisation.</summary>
    Reference,
}
