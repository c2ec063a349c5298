using System.Diagnostics;

namespace Anc.Scenarios;

/// <summary>
/// The bookkeeping behind <see cref="IRoundTimings"/>: a counter of <see cref="Stopwatch"/>
/// ticks per phase, added to at each phase boundary of a round (no allocation). An experiment
/// keeps one and answers <see cref="IRoundTimings"/> from it.
/// </summary>
public sealed class RoundPhaseClock : IRoundTimings
{
    private readonly string[] _phases;
    private readonly long[] _ticks;

    /// <summary>Creates the clock for a round's phases, in the order they run.</summary>
    public RoundPhaseClock(params string[] phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        _phases = phases;
        _ticks = new long[phases.Length];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Phases => _phases;

    /// <summary>Now, as a timestamp to pass to <see cref="Add"/>: where a round's first phase starts.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="since"/> to phase <paramref name="phase"/>; returns now, where the next phase starts.</summary>
    public long Add(int phase, long since)
    {
        long now = Stopwatch.GetTimestamp();
        _ticks[phase] += now - since;
        return now;
    }

    /// <inheritdoc />
    public TimeSpan Elapsed(int phase) =>
        (uint)phase < (uint)_ticks.Length
            ? Stopwatch.GetElapsedTime(0, _ticks[phase])
            : throw new ArgumentOutOfRangeException(nameof(phase), phase, $"A round has {_phases.Length} phases.");
}
