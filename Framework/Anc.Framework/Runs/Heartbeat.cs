using Anc.Results;
using Anc.Observers;

namespace Anc.Runs;

/// <summary>
/// Keeps <c>heartbeat.json</c> of a running run fresh (process id, machine, time), at the start,
/// on reported figures at most every <see cref="Period"/>, and after each seed. A run without
/// <c>summary.json</c> whose heartbeat has gone stale, or whose process is gone, was killed or
/// crashed: it is never shown as running forever. One per run.
/// </summary>
internal sealed class Heartbeat(RunDirectory run, TimeProvider time) : IRunObserver
{
    /// <summary>How often a running run's heartbeat is renewed while it reports figures.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public void OnRunStarted(RunStarted started) => Beat();

    /// <inheritdoc />
    public void OnMetrics(MetricEvent metrics)
    {
        if (time.GetUtcNow() - _last >= Period)
        {
            Beat();
        }
    }

    /// <inheritdoc />
    public void OnSeedCompleted(SeedCompleted seed) => Beat();

    private void Beat()
    {
        _last = time.GetUtcNow();
        ResultJson.Write(run, HeartbeatFile.FileName, new HeartbeatFile(Environment.ProcessId, Environment.MachineName, _last));
    }
}
