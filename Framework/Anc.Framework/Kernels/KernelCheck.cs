namespace Anc.Kernels;

/// <summary>
/// One float32 computation compared with the same computation in float64: its output, the
/// gradient of its input and of each of its parameters, the worst of them kept.
/// </summary>
/// <param name="Name">What was computed, for example <c>conv1d 1-&gt;2 channels, window 4, stride 1, width 35, batch 64</c>.</param>
/// <param name="Part">Where the worst difference was: <c>output</c>, <c>input gradient</c> or <c>gradient of &lt;parameter&gt;</c>.</param>
/// <param name="Error">The largest absolute difference from float64 in that part.</param>
/// <param name="Scale">The largest absolute float64 value of that part; the error is judged against it.</param>
public sealed record KernelCheck(string Name, string Part, double Error, double Scale)
{
    /// <summary>
    /// The largest error, as a share of the largest value, that float32 may show. Correct float32
    /// kernels stay near 1e-6 on these sizes; the faulty ones this guards against are off by
    /// tens of percent.
    /// </summary>
    public const double Tolerance = 1e-3;

    /// <summary>The error as a share of the largest value (NaN when the float32 result was not a number).</summary>
    public double RelativeError => Error / Math.Max(Scale, 1e-12);

    /// <summary>Whether float32 agrees with float64 within <see cref="Tolerance"/>.</summary>
    public bool Passed => RelativeError <= Tolerance;
}
