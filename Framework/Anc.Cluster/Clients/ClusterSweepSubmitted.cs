using Anc.Cluster.Hosting;

namespace Anc.Cluster.Clients;

/// <summary>A sweep's unfinished trials, handed to the cluster.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Submitted">The trials submitted: those not finished in the sweep's folder.</param>
/// <param name="FinishedBefore">The trials already finished in the sweep's folder.</param>
/// <param name="DoneThere">The trials the cluster had already done (a client that left and came back).</param>
public sealed record ClusterSweepSubmitted(ClusterConnection Cluster, int Submitted, int FinishedBefore, int DoneThere);
