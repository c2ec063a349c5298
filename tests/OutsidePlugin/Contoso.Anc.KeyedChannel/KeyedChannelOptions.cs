using System.ComponentModel.DataAnnotations;

namespace Contoso.Anc.KeyedChannel;

/// <summary>The keyed channel's sizes and its success criteria.</summary>
public sealed class KeyedChannelOptions
{
    /// <summary>Bits of plaintext, key and ciphertext.</summary>
    [Range(1, 256)]
    public int Bits { get; set; } = 4;

    /// <summary>Listeners trained from scratch against the frozen Alice at evaluation.</summary>
    [Range(1, 16)]
    public int FreshListeners { get; set; } = 1;

    /// <summary>Minibatches each fresh listener trains on.</summary>
    [Range(1, 1_000_000)]
    public int FreshListenerSteps { get; set; } = 500;

    /// <summary>Success needs Bob's bits wrong at most this.</summary>
    [Range(0.0, 256.0)]
    public double BobMaxBitsWrong { get; set; } = 0.5;

    /// <summary>Success needs every fresh listener's bits wrong at least this.</summary>
    [Range(0.0, 256.0)]
    public double ListenerMinBitsWrong { get; set; } = 1.0;
}
