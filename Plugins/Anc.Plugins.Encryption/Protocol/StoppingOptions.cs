using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>The paper's stopping rule: stop once Bob is nearly exact and Eve is near chance.</summary>
public sealed class StoppingOptions
{
    /// <summary>Whether training may stop before the step limit.</summary>
    [Description("Whether training may stop before training.maxSteps.")]
    public bool Enabled { get; set; } = true;

    /// <summary>Bob's error, in bits wrong, at or below which he counts as exact.</summary>
    [Description("Bob's error in bits wrong at or below which training may stop (paper: 0.05).")]
    [Range(0.0, 1e6)]
    public double BobMaxBitsWrong { get; set; } = 0.05;

    /// <summary>How close to chance (N/2 bits wrong) Eve must be, in bits.</summary>
    [Description("How many bits below chance (N/2) Eve's error may be for training to stop (reference code: 0.3).")]
    [Range(0.0, 1e6)]
    public double EveBitsFromChance { get; set; } = 0.3;

    /// <summary>Every how many rounds the rule is checked (the reference code: every 200, on that round's batch).</summary>
    [Description("Every how many rounds the rule is checked, on that round's batch (1: every round; the reference code: 200).")]
    [Range(1, 100_000_000)]
    public int CheckEvery { get; set; } = 1;

    /// <summary>Training never stops before this round.</summary>
    [Description("Training never stops before this round.")]
    [Range(0, 100_000_000)]
    public int MinSteps { get; set; }
}
