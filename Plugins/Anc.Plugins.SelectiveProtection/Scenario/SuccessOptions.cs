using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>When a seed counts as a success.</summary>
public sealed class SuccessOptions
{
    /// <summary>
    /// The tolerance: the best fresh Eve's advantage (Blind Eve's error on C minus hers) may be at
    /// most this share of Blind Eve's error. Bob's error on D must also be below D-public's.
    /// </summary>
    [Description("The best fresh Eve's advantage over Blind Eve may be at most this share of Blind Eve's error on C (default 0.05); Bob's error on D must also be below D-public's.")]
    [Range(0.0, 1.0)]
    public double MaxAdvantageShare { get; set; } = 0.05;
}
