using System.Globalization;
using Anc.Manifests;
using Anc.Results;
using Anc.Runs;
using Anc.Training;
using Newtonsoft.Json.Linq;

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
    /// run's first start (from the file), which its summary counts from; <paramref name="now"/> where the file has none.
    /// </summary>
    public static DateTimeOffset Record(
        RunDirectory run, DateTimeOffset now, IReadOnlyList<string> commandLine, int parallel, int threadsPerSeed, IEnumerable<int> kept, JToken kernels)
    {
        string path = Path.Combine(run.FullPath, "environment.json");
        JObject environment = File.Exists(path) ? JObject.Parse(File.ReadAllText(path)) : [];
        DateTimeOffset started = environment["startedAt"]?.Type == JTokenType.String
            && DateTimeOffset.TryParse((string)environment["startedAt"]!, CultureInfo.InvariantCulture, out DateTimeOffset at) ? at : now;
        JArray resumes = environment["resumes"] as JArray ?? [];
        resumes.Add(new JObject
        {
            ["at"] = now.ToString("O"),
            ["commandLine"] = new JArray(commandLine),
            ["parallel"] = parallel,
            ["threadsPerSeed"] = threadsPerSeed,
            ["seedsKept"] = new JArray(kept.Order()),
            ["kernels"] = kernels,
        });
        environment["resumes"] = resumes;
        run.WriteJson("environment.json", environment);
        return started;
    }
}
