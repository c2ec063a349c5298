using System.ComponentModel.DataAnnotations;

namespace MyPlugin;

/// <summary>Options of <see cref="ChannelScenario"/>: sizes, the eavesdropper's pace and what counts as success.</summary>
public sealed class ChannelOptions
{
    /// <summary>Bits of plaintext, key and ciphertext.</summary>
    [Range(1, 256)]
    public int Bits { get; set; } = 4;

    /// <summary>
    /// Weight of the eavesdropper's term, (1 - Eve's loss) squared, in Alice and Bob's loss. The
    /// term is flat where Eve reads a little (at her loss of 0.85 it is 0.02), so at weight 1
    /// Alice and Bob hardly mind her.
    /// </summary>
    [Range(0.0, 1000.0)]
    public double EavesdropperWeight { get; set; } = 4.0;

    /// <summary>
    /// Adam's learning rate for the eavesdroppers, the one trained alongside Alice and Bob and
    /// the fresh one of evaluation. Faster than Alice and Bob's rate (the manifest's
    /// <c>training.learningRate</c>), so that the eavesdropper keeps up with a changing cipher.
    /// </summary>
    [Range(1e-6, 1.0)]
    public double EavesdropperLearningRate { get; set; } = 0.01;

    /// <summary>Minibatches a fresh eavesdropper trains on against the frozen Alice at evaluation.</summary>
    [Range(1, 1_000_000)]
    public int FreshEavesdropperSteps { get; set; } = 400;

    /// <summary>Examples Bob and the fresh eavesdropper are measured on at evaluation.</summary>
    [Range(1, 1_000_000)]
    public int EvaluationExamples { get; set; } = 4096;

    /// <summary>Success needs Bob's bits wrong at most this.</summary>
    [Range(0.0, 256.0)]
    public double BobMaxBitsWrong { get; set; } = 0.5;

    /// <summary>Success needs the fresh eavesdropper's bits wrong at least this.</summary>
    [Range(0.0, 256.0)]
    public double EavesdropperMinBitsWrong { get; set; } = 1.0;
}
