using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>Options of the <c>selective-protection</c> scenario.</summary>
public sealed class SelectiveProtectionOptions
{
    /// <summary>Values in the key Alice and Bob share, drawn standard normal for every example.</summary>
    [Description("Values in the shared key, standard normal, fresh for every example (default 4).")]
    [Range(1, 4096)]
    public int KeyWidth { get; set; } = 4;

    /// <summary>Values in the ciphertext Alice sends besides D-public.</summary>
    [Description("Values in the ciphertext Alice sends besides D-public (default 4).")]
    [Range(1, 4096)]
    public int CiphertextWidth { get; set; } = 4;

    /// <summary>
    /// The weight of the adversary term of Alice and Bob's loss, which pushes Eve's error on C
    /// towards Blind Eve's; 0 trains the control, which ignores Eve.
    /// </summary>
    [Description("Weight of the term that pushes Eve's error on C to Blind Eve's; 0 trains the control, which ignores Eve (default 20).")]
    [Range(0.0, 1e6)]
    public double AdversaryWeight { get; set; } = 20;

    /// <summary>Alice and Bob's minibatches per round, before Eve's.</summary>
    [Description("Alice and Bob's minibatches per round, before Eve's (default 1).")]
    [Range(1, 1000)]
    public int AliceBobStepsPerRound { get; set; } = 1;

    /// <summary>The fresh-Eve evaluation.</summary>
    [Description("The fresh-Eve evaluation after training.")]
    public EvaluationOptions Evaluation { get; set; } = new();

    /// <summary>When a seed counts as a success.</summary>
    [Description("When a seed counts as a success.")]
    public SuccessOptions Success { get; set; } = new();
}
