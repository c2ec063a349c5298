using System.Net;
using Anc.Cluster.Hosting;

namespace Anc.Worker;

/// <summary>What the command line tells a worker: which cluster to join, how many trials to run at once, which ports to listen on, where its plugins are.</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Slots">How many trials at once.</param>
/// <param name="SiloPort">The silo-to-silo port (never 0: a free one is picked for 0).</param>
/// <param name="GatewayPort">The client gateway port (never 0: a free one is picked for 0).</param>
/// <param name="PluginFolders">Plugin folders besides the built-in ones next to the worker.</param>
/// <param name="LeaseTime">How long a trial stays with a worker that stopped renewing it before another takes it over.</param>
/// <param name="Address">The address other workers and clients reach this one on, or null for the machine's first.</param>
/// <param name="SweepsRoot">The folder it may write trials in (full).</param>
/// <param name="Tls">Its TLS credentials, or null for clear text.</param>
internal sealed record WorkerSettings(ClusterConnection Cluster, int Slots, int SiloPort, int GatewayPort, IReadOnlyList<string> PluginFolders, TimeSpan LeaseTime, IPAddress? Address, string SweepsRoot, ClusterTls? Tls);
