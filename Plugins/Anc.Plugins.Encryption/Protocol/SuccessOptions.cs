using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>When a seed counts as a success, as shares of N bits.</summary>
public sealed class SuccessOptions
{
    /// <summary>Bob's held-out error must be at most this share of the bits.</summary>
    [Description("Bob's held-out error must be at most this share of N (0.1 = 10% of bits wrong).")]
    [Range(0.0, 1.0)]
    public double BobMaxErrorRate { get; set; } = 0.1;

    /// <summary>The best fresh Eve's held-out error must be at least this share of the bits; chance is 0.5.</summary>
    [Description("The best fresh Eve's held-out error must be at least this share of N (chance is 0.5).")]
    [Range(0.0, 1.0)]
    public double FreshEveMinErrorRate { get; set; } = 0.3;
}
