using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Anc.Evaluation;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>The options both encryption scenarios share; defaults are the paper's.</summary>
public abstract class EncryptionOptions
{
    /// <summary>
    /// N: the length of plaintext, keys and ciphertext. The limit keeps every width an int; what
    /// this machine's memory cannot hold is refused, with the estimate, when the manifest is read.
    /// </summary>
    [Description("N, the length in bits of plaintext, keys and ciphertext (paper: 16); sizes this machine's memory cannot hold are refused when the manifest is read.")]
    [Range(1, 1 << 24)]
    public int Bits { get; set; } = 16;

    /// <summary>The defenders' minibatches per round, before the adversary's.</summary>
    [Description("The defenders' (Alice and Bob, and the key generator where there is one) minibatches per round, before Eve's (paper: 1).")]
    [Range(1, 1000)]
    public int AliceBobStepsPerRound { get; set; } = 1;

    /// <summary>The stopping rule.</summary>
    [Description("When training stops before the step limit.")]
    public StoppingOptions Stopping { get; set; } = new();

    /// <summary>The fresh-Eve evaluation (the paper's reference code: 5 fresh Eves of 250,000 steps).</summary>
    [Description("The fresh-Eve evaluation after training (the paper's reference code: 5 fresh Eves of 250000 steps).")]
    public FreshEveOptions Evaluation { get; set; } = new();

    /// <summary>When a seed counts as a success.</summary>
    [Description("When a seed counts as a success.")]
    public SuccessOptions Success { get; set; } = new();
}
