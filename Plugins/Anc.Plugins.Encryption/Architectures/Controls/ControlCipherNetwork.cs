using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>
/// The module the control ciphers build: <c>[P, K]</c> (N bits each) to P times its key
/// (<see cref="ControlCipherKey"/>). It has no parameters; the fixed key is a buffer, so it is
/// saved, loaded and moved between devices with the network but never trained.
/// </summary>
internal sealed class ControlCipherNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>The fixed key's name in the saved state.</summary>
    internal const string KeyBuffer = "key";

    private readonly long _bits;
    private readonly ControlCipherKey _key;

    /// <summary>Creates the network; a fixed key is drawn now, from torch's global generator, as other networks draw their initial weights.</summary>
    public ControlCipherNetwork(int bits, ControlCipherKey key)
        : base(nameof(ControlCipherNetwork))
    {
        _bits = bits;
        _key = key;
        if (key == ControlCipherKey.Fixed)
        {
            register_buffer(KeyBuffer, torch.randint(0, 2, [bits], dtype: ScalarType.Float32).mul_(2).sub_(1));
        }
    }

    /// <summary>
    /// K0 of a <see cref="ControlCipherKey.Fixed"/> network, as it holds it now: looked up each
    /// time because moving or loading the network replaces the buffer's tensor.
    /// </summary>
    internal Tensor FixedKey => get_buffer(KeyBuffer) ?? throw new InvalidOperationException("Only a fixed-key control holds a key.");

    public override Tensor forward(Tensor input)
    {
        Tensor plaintext = input.narrow(-1, 0, _bits);
        return _key switch
        {
            ControlCipherKey.Message => plaintext * input.narrow(-1, _bits, _bits),
            ControlCipherKey.Fixed => plaintext * FixedKey,
            _ => plaintext,
        };
    }
}
