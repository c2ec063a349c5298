using Anc.Kernels;
using Anc.Manifests;
using Anc.Results;
using Anc.Runs;
using Anc.Training;

namespace Anc.Resume;

/// <summary>
/// What going on with an unfinished run (<c>anc-host run --resume</c>, or a sweep's interrupted
/// trial) keeps and records: seeds that completed or diverged keep their outcome (they would
/// repeat it exactly), the others resume from their checkpoints (<see cref="SeedResumption"/>),
/// and <c>environment.json</c> gains an entry for each resumption.
/// </summary>
internal static class RunResumption
{
    /// <summary>The outcomes of <paramref name="run"/>'s seeds that need no more training.</summary>
    public static Dictionary<int, SeedOutcome> KeptOutcomes(RunDirectory run, ResolvedManifest manifest)
    {
        Dictionary<int, SeedOutcome> kept = [];
        foreach (int seed in manifest.Seeds)
        {
            if (SeedOutcomeFile.Read(run, seed) is { Status: SeedStatus.Completed or SeedStatus.Diverged } outcome)
            {
                kept[seed] = outcome;
            }
        }

        return kept;
    }

    /// <summary>
    /// Adds this resumption to <paramref name="run"/>'s <c>environment.json</c> and gives the
    /// run's first start (from the file), which its summary counts from; <paramref name="now"/>
    /// where the file is missing or unreadable (a damaged folder: the resumption then goes unrecorded).
    /// </summary>
    public static DateTimeOffset Record(
        RunDirectory run, DateTimeOffset now, IReadOnlyList<string> commandLine, int parallel, int threadsPerSeed, IEnumerable<int> kept, KernelReport kernels)
    {
        if (ResultJson.ReadOrNone<EnvironmentFile>(Path.Combine(run.FullPath, EnvironmentFile.FileName)) is not { } environment)
        {
            return now;
        }

        Resumption resumption = new(now, commandLine.ToList(), parallel, threadsPerSeed, kept.Order().ToList(), kernels);
        ResultJson.Write(run, EnvironmentFile.FileName, environment with { Resumes = [.. environment.Resumes ?? [], resumption] });
        return environment.StartedAt;
    }
}
