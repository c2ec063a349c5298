namespace Anc.Training;

/// <summary>
/// What a parallel run hands to the process that trains one of its seeds: the run directory,
/// whose <c>manifest.json</c> says what to train, the seed, and the torch threads it may use.
/// </summary>
/// <param name="RunDirectory">The run directory's full path.</param>
/// <param name="Seed">The seed to train.</param>
/// <param name="Threads">Torch's intra-op threads for this seed.</param>
public sealed record SeedAssignment(string RunDirectory, int Seed, int Threads)
{
    /// <summary>Whether the seed goes on from its latest checkpoint (a resumed run) rather than from the start.</summary>
    public bool Resume { get; init; }
}
