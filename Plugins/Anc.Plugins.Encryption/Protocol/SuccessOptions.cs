using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// When a seed counts as a success, on held-out data: Bob at most so many bits wrong, the judged
/// Eve at least so many, each as a share of N or in bits. The paper's criterion is
/// <c>{ "judge": "trainedEve", "bobMaxBitsWrong": 0.05, "eveMinBitsWrong": 6 }</c> at N = 16.
/// </summary>
public sealed class SuccessOptions
{
    /// <summary>Which Eve is judged.</summary>
    [Description("Which Eve success is judged on: freshEves (the best of the fresh Eves trained afterwards) or trainedEve (the Eve of training, as the paper judged); the other is reported beside the verdict.")]
    public JudgedEve Judge { get; set; } = JudgedEve.FreshEves;

    /// <summary>Bob's held-out error must be at most this share of the bits.</summary>
    [Description("Bob's held-out error must be at most this share of N (0.1 = 10% of bits wrong); bobMaxBitsWrong replaces it.")]
    [Range(0.0, 1.0)]
    public double BobMaxErrorRate { get; set; } = 0.1;

    /// <summary>Bob's held-out error must be at most this many bits; replaces <see cref="BobMaxErrorRate"/> where set.</summary>
    [Description("Bob's held-out error must be at most this many bits wrong (the paper: 0.05); replaces bobMaxErrorRate.")]
    [Range(0.0, 1e6)]
    public double? BobMaxBitsWrong { get; set; }

    /// <summary>The judged Eve's held-out error must be at least this share of the bits; chance is 0.5.</summary>
    [Description("The judged Eve's held-out error (the best fresh Eve's, by default) must be at least this share of N (chance is 0.5); eveMinBitsWrong replaces it.")]
    [Range(0.0, 1.0)]
    public double FreshEveMinErrorRate { get; set; } = 0.3;

    /// <summary>The judged Eve's held-out error must be at least this many bits; replaces <see cref="FreshEveMinErrorRate"/> where set.</summary>
    [Description("The judged Eve's held-out error must be at least this many bits wrong (the paper: 6 of 16); replaces freshEveMinErrorRate.")]
    [Range(0.0, 1e6)]
    public double? EveMinBitsWrong { get; set; }

    /// <summary>Bob's bound in bits at <paramref name="bits"/> = N.</summary>
    public double BobBound(int bits) => BobMaxBitsWrong ?? BobMaxErrorRate * bits;

    /// <summary>The judged Eve's bound in bits at <paramref name="bits"/> = N.</summary>
    public double EveBound(int bits) => EveMinBitsWrong ?? FreshEveMinErrorRate * bits;

    /// <summary>The criterion in one phrase, for <c>summary.json</c>.</summary>
    public string Describe(int bits) => string.Create(
        CultureInfo.InvariantCulture,
        $"Bob at most {BobBound(bits):0.###} bits wrong and {EveName} at least {EveBound(bits):0.###} bits wrong of {bits}, on held-out data");

    /// <summary>The judged Eve, as the verdict names her.</summary>
    internal string EveName => Judge == JudgedEve.TrainedEve ? "the trained Eve" : "the best fresh Eve";
}
