using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Data;

/// <summary>
/// Options of the <c>correlated-gaussian</c> data generator. The defaults give
/// D = A + B + C + 0.5·ε with A, B, C and ε independent standard normal values: D has variance
/// 3.25, C explains a third of what A, B and C explain, and the best estimate of D that
/// reveals nothing about C (A + B) is off by variance 1.25, against 0.25 for A + B + C.
/// </summary>
public sealed class CorrelatedGaussianOptions
{
    /// <summary>How many values each of A, B, C and D has per example; value i of D depends on value i of A, B and C.</summary>
    [Description("Values per example in each of A, B, C and D; value i of D depends on value i of A, B and C (default 1).")]
    [Range(1, 4096)]
    public int Width { get; set; } = 1;

    /// <summary>The correlation between any two of A, B and C (the same for every pair).</summary>
    [Description("The correlation between any two of A, B and C, the same for each pair (default 0: independent).")]
    [Range(0.0, 0.99)]
    public double Correlation { get; set; }

    /// <summary>wA in D = wA·A + wB·B + wC·C + noise·ε.</summary>
    [Description("wA in D = wA*A + wB*B + wC*C + noise*eps (default 1).")]
    [Range(-100.0, 100.0)]
    public double WeightA { get; set; } = 1;

    /// <summary>wB in D = wA·A + wB·B + wC·C + noise·ε.</summary>
    [Description("wB in D = wA*A + wB*B + wC*C + noise*eps (default 1).")]
    [Range(-100.0, 100.0)]
    public double WeightB { get; set; } = 1;

    /// <summary>wC in D = wA·A + wB·B + wC·C + noise·ε: how much of D only the sensitive C explains.</summary>
    [Description("wC in D = wA*A + wB*B + wC*C + noise*eps: how much of D only the sensitive C explains (default 1).")]
    [Range(-100.0, 100.0)]
    public double WeightC { get; set; } = 1;

    /// <summary>The standard deviation of the noise in D that nothing explains.</summary>
    [Description("The standard deviation of D's noise, which no estimate can remove (default 0.5).")]
    [Range(0.0, 100.0)]
    public double Noise { get; set; } = 0.5;
}
