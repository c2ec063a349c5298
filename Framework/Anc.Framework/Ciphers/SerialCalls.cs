using TorchSharp;

namespace Anc.Ciphers;

/// <summary>
/// A trained seed's networks called from many threads: one call at a time (a network may fill a
/// cache on its first call), without gradients, each in a dispose scope of its own, and none
/// after <see cref="Dispose"/>, which frees the networks once.
/// </summary>
internal sealed class SerialCalls(TrainedSeed trained) : IDisposable
{
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>The seed whose networks are called.</summary>
    public TrainedSeed Trained => trained;

    /// <summary>Runs <paramref name="call"/> alone; tensors it returns must be moved out of its dispose scope (<c>MoveToOuterDisposeScope</c>).</summary>
    /// <exception cref="ObjectDisposedException">The networks were disposed.</exception>
    public T Run<T>(Func<T> call)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using IDisposable scope = torch.NewDisposeScope();
            using IDisposable noGrad = torch.no_grad();
            return call();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                trained.Dispose();
            }
        }
    }
}
