using System.Text.Json;

namespace Anc.Cluster.Sweeps;

/// <summary>
/// The outcome of one trial, recorded once by its sweep: whatever attempt finished first is the trial's result.
/// </summary>
/// <param name="TrialId">The trial's id.</param>
/// <param name="Status">The executor's word for the outcome (for instance "completed"), or <see cref="Failed"/> where the worker could not train the trial.</param>
/// <param name="Success">Whether the trial ran to a usable result.</param>
/// <param name="Summary">The executor's summary, as JSON text.</param>
/// <param name="Worker">The worker that produced it.</param>
/// <param name="Attempt">The attempt that produced it.</param>
[GenerateSerializer, Immutable]
public sealed record TrialResult(
    [property: Id(0)] string TrialId,
    [property: Id(1)] string Status,
    [property: Id(2)] bool Success,
    [property: Id(3)] string Summary,
    [property: Id(4)] string Worker,
    [property: Id(5)] int Attempt)
{
    /// <summary>The status of a trial whose executor threw: nothing was trained to a result, and submitting the sweep again retries it.</summary>
    public const string Failed = "failed";

    /// <summary>Why the worker could not train the trial, where its status is <see cref="Failed"/>; otherwise null.</summary>
    public string? Error => Status == Failed ? JsonSerializer.Deserialize<FailureSummary>(Summary, Json)?.Error : null;

    private static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The result of a trial whose executor threw <paramref name="exception"/>: its message is the summary.</summary>
    public static TrialResult Failure(string trialId, Exception exception, string worker, int attempt)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TrialResult(trialId, Failed, false, JsonSerializer.Serialize(new FailureSummary(exception.Message), Json), worker, attempt);
    }

    /// <summary>A failed trial's summary: <c>{"error": "…"}</c>.</summary>
    private sealed record FailureSummary(string Error);
}
