namespace Anc.Plugins.Encryption.Architectures;

/// <summary>How the network computes its convolutions; every choice is the same function.</summary>
public enum MixTransformImplementation
{
    /// <summary>Each convolution as one matrix product over a channels-last layout, with the convolution's own weights (default; several times faster on a CPU).</summary>
    MatrixProducts,

    /// <summary>Layer by layer as the paper draws it: <c>Conv1d</c> over channels-first tensors.</summary>
    Layers,
}
