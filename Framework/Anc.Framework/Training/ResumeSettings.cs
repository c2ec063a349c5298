using Anc.Manifests;

namespace Anc.Training;

/// <summary>How to go on with a run (<see cref="IExperimentRunner.ResumeAsync(string, ResumeSettings, CancellationToken)"/>); by default as it was.</summary>
public sealed record ResumeSettings
{
    /// <summary>How many seeds train at once, as <see cref="RunSettings.Parallel"/>.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>
    /// A larger step limit, to train the run further (a finished run too): its seeds that ended
    /// at the old limit go on from their final checkpoint as if this had been the limit from the
    /// start, and are evaluated again; seeds the stopping rule ended, or that diverged, keep
    /// their outcome. What the run had at the old limit (the summary, those seeds' outcome and
    /// evaluation) moves to <c>limit-&lt;old&gt;/</c> in the run directory. Null keeps the run's limit.
    /// </summary>
    public int? MaxSteps { get; init; }

    /// <summary>
    /// Torch's threads from now on, as the manifest's <c>threads</c>; null keeps the run's. Where
    /// it differs from the count the run trained with (a sweep's trials train with one each),
    /// the figures may differ from an uninterrupted run's in their last digits and then beyond.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>The changes to the run's manifest, as the command line would write them.</summary>
    internal IReadOnlyList<ManifestOverride> Changes()
    {
        List<ManifestOverride> changes = [];
        if (MaxSteps is { } steps)
        {
            changes.Add(ManifestOverride.Of("training.maxSteps", steps, $"--set training.maxSteps={steps}"));
        }

        if (Threads is { } threads)
        {
            changes.Add(ManifestOverride.Of("threads", threads, $"--set threads={threads}"));
        }

        return changes;
    }
}
