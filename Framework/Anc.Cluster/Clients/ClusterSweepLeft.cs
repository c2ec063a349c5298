namespace Anc.Cluster.Clients;

/// <summary>A sweep that the runner stopped following; its trials go on training in the cluster.</summary>
/// <param name="Done">Submitted trials done when it left.</param>
/// <param name="Submitted">Trials submitted.</param>
public sealed record ClusterSweepLeft(int Done, int Submitted);
