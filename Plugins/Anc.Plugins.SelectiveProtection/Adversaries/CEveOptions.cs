using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Adversaries;

/// <summary>Options of the <c>c-eve</c> adversary.</summary>
public sealed class CEveOptions
{
    /// <summary>Minibatches Eve trains on per round, after Alice and Bob's.</summary>
    [Description("Minibatches Eve trains on per round, after Alice and Bob's (default 2, the paper's 1:2 alternation).")]
    [Range(0, 1000)]
    public int StepsPerRound { get; set; } = 2;

    /// <summary>The public signals Eve sees.</summary>
    [Description("The public signals Eve sees (default: dPublic and the ciphertext).")]
    public List<string> Observes { get; set; } = ["dPublic", "ciphertext"];
}
