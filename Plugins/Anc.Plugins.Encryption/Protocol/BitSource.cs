using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>Uniform random bits encoded as -1/+1 floats, from a seeded generator of its own.</summary>
public sealed class BitSource : IDisposable
{
    private readonly Generator _generator;
    private readonly Device _device;

    /// <summary>Creates a source whose stream is fixed by <paramref name="seed"/>.</summary>
    public BitSource(long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _generator = new Generator((ulong)seed, device);
    }

    /// <summary>A <c>[rows, bits]</c> tensor of -1 and +1.</summary>
    public Tensor Next(long rows, long bits) =>
        torch.randint(0, 2, [rows, bits], dtype: ScalarType.Float32, device: _device, generator: _generator).mul_(2).sub_(1);

    /// <summary>Writes where the stream is to <paramref name="path"/>, for a checkpoint.</summary>
    public void SaveState(string path)
    {
        using Tensor state = _generator.get_state();
        torch.save(state, path);
    }

    /// <summary>Puts the stream back where <see cref="SaveState"/> found it.</summary>
    public void RestoreState(string path)
    {
        using Tensor state = torch.load(path);
        _generator.set_state(state);
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
