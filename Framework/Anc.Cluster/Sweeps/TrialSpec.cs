namespace Anc.Cluster.Sweeps;

/// <summary>
/// The work one trial needs, complete enough that any worker can run it: the trial's id, the resolved manifest
/// (JSON text, so the cluster never depends on the framework's types) and the trial's run directory, an absolute
/// path on storage every worker sees, where a resumed attempt finds the checkpoints of the one before.
/// </summary>
/// <param name="Id">The trial's id, unique within its sweep.</param>
/// <param name="Manifest">The resolved manifest, as JSON text.</param>
/// <param name="Directory">The trial's run directory: an absolute path on shared storage.</param>
[GenerateSerializer, Immutable]
public sealed record TrialSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string Manifest,
    [property: Id(2)] string Directory);
