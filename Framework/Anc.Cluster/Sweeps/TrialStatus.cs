namespace Anc.Cluster.Sweeps;

/// <summary>One trial as a client sees it: its state, who runs it, how often it was leased, its progress and result.</summary>
/// <param name="Id">The trial's id.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Worker">The worker holding it (or that completed it), if any.</param>
/// <param name="Attempts">How many times it was leased.</param>
/// <param name="Progress">The last progress reported, if any.</param>
/// <param name="Result">Its result, once done.</param>
[GenerateSerializer, Immutable]
public sealed record TrialStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] TrialState State,
    [property: Id(2)] string? Worker,
    [property: Id(3)] int Attempts,
    [property: Id(4)] TrialProgress? Progress,
    [property: Id(5)] TrialResult? Result);
