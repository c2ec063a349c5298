using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// The float32 operations the built-in networks train with, each checked against float64 on
/// this machine with its current threads: the paper's convolutions (the tiny channel counts
/// for which libtorch 2.10's oneDNN computed wrong input gradients on AVX-512 AMD processors),
/// the dense layer and the matrix products of the default implementation and of stacked
/// networks; and float64 itself against finite differences.
/// </summary>
public static class KernelSelfTest
{
    // Every convolution of both mix-transform variants at N=16 (paper: 1->2 window 4 over the
    // padded 35, 2->4 window 2 stride 2, 4->4, 4->1; reference: 1->2 window 2 stride 2, 2->2,
    // 2->1), at batch 64, and the first and last at the paper's batch of 4096.
    private static readonly (int In, int Out, int Window, int Stride, int Width, int Batch)[] Convolutions =
    [
        (1, 2, 4, 1, 35, 64),
        (2, 4, 2, 2, 32, 64),
        (4, 4, 1, 1, 16, 64),
        (4, 1, 1, 1, 16, 64),
        (1, 2, 2, 2, 32, 64),
        (2, 2, 1, 1, 16, 64),
        (2, 1, 1, 1, 16, 64),
        (1, 2, 4, 1, 35, 4096),
        (4, 1, 1, 1, 16, 4096),
    ];

    /// <summary>The name every convolution check's name starts with.</summary>
    public const string ConvolutionPrefix = "conv1d";

    /// <summary>Runs every check; torch's random generator is left as it was.</summary>
    public static IReadOnlyList<KernelCheck> Run()
    {
        List<KernelCheck> checks = [];
        foreach ((int input, int output, int window, int stride, int width, int batch) in Convolutions)
        {
            checks.Add(Float64Comparison.Compare(
                $"{ConvolutionPrefix} {input}->{output} channels, window {window}, stride {stride}, width {width}, batch {batch}",
                () => nn.Conv1d(input, output, window, stride),
                [batch, input, width]));
        }

        checks.Add(Float64Comparison.Compare("linear 32->32, batch 64", () => nn.Linear(32, 32), [64, 32]));
        checks.Add(Float64Comparison.Compare("matmul [64, 32] x [32, 64]", () => new MatrixProduct(32, 64), [64, 32]));
        checks.Add(Float64Comparison.Compare("batched matmul 3 x [64, 32] x [32, 64]", () => new MatrixProduct(3, 32, 64), [3, 64, 32]));
        checks.Add(FiniteDifferences.Check());
        return checks;
    }

    /// <summary>Whether a check is of a convolution (the operations oneDNN computes).</summary>
    public static bool IsConvolution(KernelCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Name.StartsWith(ConvolutionPrefix, StringComparison.Ordinal);
    }
}
