using Anc.Sweeps;

namespace Anc.Cluster.Clients;

/// <summary>A trial taken over by another worker, from its last checkpoint, after its worker stopped reporting.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Worker">The worker that holds it now.</param>
/// <param name="Attempt">Its attempt now, from 1.</param>
public sealed record ClusterTrialTakenOver(SweepTrial Trial, string Worker, int Attempt);
