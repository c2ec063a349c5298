namespace Anc.Cluster.Sweeps;

/// <summary>
/// A trial handed to one worker for a while: the worker holds it as long as it renews the lease with this attempt
/// number, which is how the queue tells a live worker from one whose trial was reassigned after it went silent.
/// </summary>
/// <param name="SweepId">The sweep the trial belongs to.</param>
/// <param name="TrialId">The trial's id.</param>
/// <param name="Attempt">Which attempt this is (1 for the first lease of the trial).</param>
/// <param name="Spec">What the trial needs to run.</param>
[GenerateSerializer, Immutable]
public sealed record TrialLease(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string TrialId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] TrialSpec Spec);
