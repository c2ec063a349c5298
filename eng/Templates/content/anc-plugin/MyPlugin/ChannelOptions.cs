using System.ComponentModel.DataAnnotations;

namespace MyPlugin;

/// <summary>Options of <see cref="ChannelScenario"/>: sizes and what counts as success.</summary>
public sealed class ChannelOptions
{
    /// <summary>Bits of plaintext, key and ciphertext.</summary>
    [Range(1, 256)]
    public int Bits { get; set; } = 4;

    /// <summary>Minibatches a fresh eavesdropper trains on against the frozen Alice at evaluation.</summary>
    [Range(1, 1_000_000)]
    public int FreshEavesdropperSteps { get; set; } = 500;

    /// <summary>Success needs Bob's bits wrong at most this.</summary>
    [Range(0.0, 256.0)]
    public double BobMaxBitsWrong { get; set; } = 0.5;

    /// <summary>Success needs the fresh eavesdropper's bits wrong at least this.</summary>
    [Range(0.0, 256.0)]
    public double EavesdropperMinBitsWrong { get; set; } = 1.0;
}
