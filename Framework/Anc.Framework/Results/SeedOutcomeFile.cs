using Anc.Runs;
using Anc.Training;

namespace Anc.Results;

/// <summary>
/// A <see cref="SeedOutcome"/> as written: <c>seed-&lt;n&gt;/outcome.json</c>, which a seed
/// trained in a process of its own leaves for the run, and each entry of <c>summary.json</c>'s <c>runs</c>.
/// </summary>
/// <param name="Seed">The seed.</param>
/// <param name="Status">How it ended (<see cref="SeedStatus"/>).</param>
/// <param name="Success">Whether it met the scenario's criteria.</param>
/// <param name="Criterion">The criterion it was judged by; null where none was named (and in files written before criteria were).</param>
/// <param name="Steps">Training rounds done.</param>
/// <param name="DurationSeconds">Wall-clock time, to the millisecond.</param>
/// <param name="Message">The verdict, or the error that ended it.</param>
/// <param name="Metrics">Its final figures.</param>
public sealed record SeedOutcomeFile(
    int Seed, string Status, bool Success, string? Criterion, long Steps, double DurationSeconds, string Message, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Its name in the seed's folder.</summary>
    public const string FileName = "outcome.json";

    /// <summary>The file of <paramref name="outcome"/>.</summary>
    public static SeedOutcomeFile From(SeedOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new SeedOutcomeFile(
            outcome.Seed, outcome.Status, outcome.Success, outcome.Criterion, outcome.Steps, Math.Round(outcome.DurationSeconds, 3), outcome.Message, outcome.Metrics);
    }

    /// <summary>The outcome this file holds.</summary>
    public SeedOutcome ToOutcome() =>
        new(Seed, Status, Success, Steps, Metrics ?? new Dictionary<string, double>(), Message ?? string.Empty, DurationSeconds) { Criterion = Criterion };

    /// <summary>Leaves <paramref name="outcome"/> in its seed's <c>outcome.json</c>, atomically.</summary>
    public static void Write(RunDirectory run, SeedOutcome outcome) =>
        ResultJson.Write(run, RelativePath(outcome.Seed), From(outcome));

    /// <summary>The outcome seed <paramref name="seed"/> of <paramref name="run"/> left, or null where it left none.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The file is not an outcome; the message names it.</exception>
    public static SeedOutcome? Read(RunDirectory run, int seed)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ResultJson.ReadIfExists<SeedOutcomeFile>(Path.Combine(run.FullPath, RelativePath(seed)))?.ToOutcome();
    }

    private static string RelativePath(int seed) => Path.Combine($"seed-{seed}", FileName);
}
