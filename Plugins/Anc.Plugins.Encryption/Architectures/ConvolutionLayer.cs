namespace Anc.Plugins.Encryption.Architectures;

/// <summary>One 1-D convolution of the network, in the paper's notation (window, output depth, stride).</summary>
internal readonly record struct ConvolutionLayer(int Window, int OutputDepth, int Stride);
