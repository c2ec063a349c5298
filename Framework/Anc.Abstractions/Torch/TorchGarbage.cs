namespace Anc.Torch;

/// <summary>
/// Frees, between training steps, the native memory TorchSharp releases only in finalizers:
/// the scalars its operators convert from plain numbers (an <c>alpha</c> of 1, the 2 of a
/// square, ...). Training allocates little managed memory, so the GC alone runs seldom;
/// meanwhile those small native blocks pile up among the large activations torch frees and
/// reallocates every step, and the native heap fragments (the paper's symmetric experiment grew
/// from 390 to 480 MiB resident between rounds 1,000 and 20,000). A young-generation collection
/// every few steps keeps it flat for well under a millisecond.
/// </summary>
/// <remarks>
/// Collect on the training thread, between steps, never from a timer: TorchSharp reads a
/// converted scalar's handle and passes it to native code without keeping the scalar alive, so
/// a collection that another thread starts in the middle of an operation can free the scalar
/// under it. For the same reason <see cref="CollectAfter"/> does nothing while
/// <see cref="TorchWorkers"/> runs pieces side by side: one piece's collection would land in the
/// middle of another's operations.
/// </remarks>
public static class TorchGarbage
{
    /// <summary>Steps between collections.</summary>
    public const int Interval = 10;

    /// <summary>Collects the youngest generation after every <see cref="Interval"/>th step, unless pieces run side by side.</summary>
    /// <param name="step">The step just finished, from 1.</param>
    public static void CollectAfter(long step)
    {
        if (Collects(step))
        {
            GC.Collect(0);
        }
    }

    /// <summary>Whether <see cref="CollectAfter"/> collects after <paramref name="step"/> now.</summary>
    internal static bool Collects(long step) => step % Interval == 0 && !TorchWorkers.SideBySide;
}
