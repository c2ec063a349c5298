using Anc.Cluster.Sweeps;

namespace Anc.Cluster.Clients;

/// <summary>How a sweep on the cluster stands.</summary>
/// <param name="Done">Trials of the sweep done, those finished before included.</param>
/// <param name="Total">Trials of the sweep.</param>
/// <param name="Training">The submitted trials training now, with their workers and progress.</param>
/// <param name="Waiting">Submitted trials that no worker holds yet.</param>
public sealed record ClusterSweepStanding(int Done, int Total, IReadOnlyList<TrialStatus> Training, int Waiting);
