using Anc.Cluster.Hosting;

namespace Anc.Worker;

/// <summary>What the command line tells a worker: which cluster to join, how many trials to run at once, which ports to listen on.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Slots">How many trials at once.</param>
/// <param name="SiloPort">The silo-to-silo port (never 0: a free one is picked for 0).</param>
/// <param name="GatewayPort">The client gateway port (never 0: a free one is picked for 0).</param>
internal sealed record WorkerSettings(ClusterConnection Cluster, int Slots, int SiloPort, int GatewayPort);
