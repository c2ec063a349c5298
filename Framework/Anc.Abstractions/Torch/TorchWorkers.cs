using System.Runtime.ExceptionServices;
using TorchSharp;

namespace Anc.Torch;

/// <summary>
/// Runs independent pieces of torch work (fresh Eves, restarts of an attack) side by side, one
/// thread per piece, torch's intra-op threads divided among them. On a CPU a piece
/// of small operations keeps one core busy but leaves the others mostly waiting (each
/// operation's launch is serial; only the large ones split), so pieces side by side on one
/// thread each do more work per second than one after another on all threads. A piece must
/// draw its randomness from generators of its own, not torch's global one; its figures are then
/// those of the piece run alone, up to the order of float additions inside torch's kernels.
/// While pieces run side by side, <see cref="TorchGarbage.CollectAfter"/> does not collect, and
/// a piece should pass no scalars converted from plain numbers (<c>Tensor.add_(other)</c> converts
/// a 1; pass a process-wide <c>Scalar</c> as its alpha): a collection that another thread's
/// allocations start can finalize a scalar that a piece's torch call still reads.
/// </summary>
public static class TorchWorkers
{
    // How many calls of Run have pieces side by side now (more than one may, from several threads).
    private static int _sideBySide;

    /// <summary>Whether pieces run side by side now, on threads of their own.</summary>
    internal static bool SideBySide => Volatile.Read(ref _sideBySide) > 0;

    /// <summary>
    /// Runs <paramref name="pieces"/> on at most <paramref name="threads"/> threads at once, each
    /// with an equal part of <paramref name="threads"/> torch threads, and returns when all are
    /// done; torch's thread count is then as before. (A worker left alone at the end keeps its
    /// part: giving it more threads mid-run made it slower, not faster, with libtorch 2.10.)
    /// With one thread or one piece they run one after another on this thread. A piece's exception is thrown here once the running ones have
    /// stopped; pieces not yet started after a failure or cancellation are not started.
    /// </summary>
    public static void Run(IReadOnlyList<Action> pieces, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        int workers = Math.Min(threads, pieces.Count);
        if (workers <= 1)
        {
            foreach (Action piece in pieces)
            {
                cancellationToken.ThrowIfCancellationRequested();
                piece();
            }

            return;
        }

        int before = torch.get_num_threads();
        // At least one: there are no more workers than threads.
        int each = threads / workers;
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            torch.set_num_threads(each);
            for (int i = Interlocked.Increment(ref next); i < pieces.Count; i = Interlocked.Increment(ref next))
            {
                if (Volatile.Read(ref failure) is not null || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    pieces[i]();
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                }
            }
        }

        // A new thread takes torch's process-wide count at its first parallel operation, so it is
        // set here too, not only on each worker (which sets its own OpenMP and MKL counts).
        torch.set_num_threads(each);
        Interlocked.Increment(ref _sideBySide);
        try
        {
            Thread[] running = Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "anc torch worker" }).ToArray();
            Array.ForEach(running, thread => thread.Start());
            Array.ForEach(running, thread => thread.Join());
        }
        finally
        {
            Interlocked.Decrement(ref _sideBySide);
            torch.set_num_threads(before);
        }

        failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
