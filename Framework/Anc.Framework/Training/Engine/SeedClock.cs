using System.Diagnostics;

namespace Anc.Training.Engine;

/// <summary>A seed's training time, which a resumed seed continues from its checkpoint's.</summary>
internal sealed class SeedClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private double _before;

    public double Seconds => _before + _watch.Elapsed.TotalSeconds;

    public void ContinueFrom(double seconds)
    {
        _before = seconds;
        _watch.Restart();
    }
}
