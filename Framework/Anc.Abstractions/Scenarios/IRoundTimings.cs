namespace Anc.Scenarios;

/// <summary>
/// Optional, for an <see cref="IExperiment"/>: how the time of its training rounds divides
/// between their phases, such as the defenders' step and the adversary's steps. Benchmarks
/// (<c>anc-host bench</c>) read it to show where a round's time goes; training never reads it,
/// and the figures are not metrics, so they never reach <c>metrics.jsonl</c>.
/// </summary>
/// <remarks>
/// Keep the cost out of training: read <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>
/// at each phase boundary of <see cref="IExperiment.TrainRound"/> and add the differences to a
/// counter per phase (a few nanoseconds a round, no allocation). Readers take the difference of
/// two readings to time a stretch of rounds. On a CUDA device, kernels run after the call that
/// queued them returns, so a phase's time is when its work was queued, not done; the round's
/// total is right only where the round waits for its results (as reading a figure does).
/// </remarks>
public interface IRoundTimings
{
    /// <summary>The phases of a round in the order they run, such as <c>alice-bob</c> and <c>eve</c>; fixed for the experiment's life.</summary>
    IReadOnlyList<string> Phases { get; }

    /// <summary>The time spent in phase <paramref name="phase"/> (an index into <see cref="Phases"/>) over every round trained so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phase"/> is not an index into <see cref="Phases"/>.</exception>
    TimeSpan Elapsed(int phase);
}
