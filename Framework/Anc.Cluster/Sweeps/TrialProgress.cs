namespace Anc.Cluster.Sweeps;

/// <summary>
/// How far a running trial has come, as its worker last reported it with a lease renewal, so that a client
/// watching the sweep sees more than "running".
/// </summary>
/// <param name="Step">The training step reached.</param>
/// <param name="Figure">Any figure the executor finds telling (a loss, an accuracy), or none.</param>
/// <param name="Text">A short free text, or none.</param>
[GenerateSerializer, Immutable]
public sealed record TrialProgress(
    [property: Id(0)] int Step,
    [property: Id(1)] double? Figure,
    [property: Id(2)] string? Text);
