namespace Anc.Observers;

/// <summary>A seed has begun training (or, resumed, goes on from its checkpoint); it reports figures from now on.</summary>
/// <param name="Seed">The seed.</param>
public sealed record SeedStarted(int Seed);
