using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>Uniform random bits encoded as -1/+1 floats, from a seeded generator of its own.</summary>
public sealed class BitSource : IDisposable
{
    // Bits per draw: the generator is sequential, so sixteen bits from each draw, unpacked by
    // vectorised shifts, cost a sixteenth of drawing each bit on its own.
    private const int BitsPerDraw = 16;

    private readonly Generator _generator;
    private readonly Device _device;
    private readonly Tensor _shifts;
    private readonly Tensor _lowestBit;

    /// <summary>Creates a source whose stream is fixed by <paramref name="seed"/>.</summary>
    public BitSource(long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _generator = new Generator((ulong)seed, device);
        _shifts = torch.arange(BitsPerDraw, dtype: ScalarType.Int32, device: device);
        _shifts.DetachFromDisposeScope();
        _lowestBit = torch.tensor(1, ScalarType.Int32, device);
        _lowestBit.DetachFromDisposeScope();
    }

    /// <summary>A <c>[rows, bits]</c> tensor of -1 and +1.</summary>
    public Tensor Next(long rows, long bits)
    {
        long draws = (bits + BitsPerDraw - 1) / BitsPerDraw;
        using Tensor drawn = torch.randint(0, 1 << BitsPerDraw, [rows, draws, 1], dtype: ScalarType.Int32, device: _device, generator: _generator);
        using Tensor shifted = drawn.bitwise_right_shift(_shifts);
        using Tensor unpacked = shifted.bitwise_and_(_lowestBit);
        return unpacked.view(rows, draws * BitsPerDraw).narrow(1, 0, bits).to(ScalarType.Float32).mul_(Scalars.Two).sub_(Scalars.One);
    }

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
    public void Dispose()
    {
        _shifts.Dispose();
        _lowestBit.Dispose();
        _generator.Dispose();
    }
}
