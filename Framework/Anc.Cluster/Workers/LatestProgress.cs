using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Workers;

/// <summary>
/// Keeps only the latest progress report, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to a
/// synchronization context): the worker sends it with the next lease renewal.
/// </summary>
internal sealed class LatestProgress : IProgress<TrialProgress>
{
    private TrialProgress? _latest;

    /// <summary>The latest report, or a step-0 one before any.</summary>
    public TrialProgress Latest => Volatile.Read(ref _latest) ?? new TrialProgress(0, null, null);

    /// <inheritdoc />
    public void Report(TrialProgress value) => Volatile.Write(ref _latest, value);
}
