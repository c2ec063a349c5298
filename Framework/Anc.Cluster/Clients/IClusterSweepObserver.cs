namespace Anc.Cluster.Clients;

/// <summary>
/// Follows a sweep that a <see cref="ClusterSweepRunner"/> runs on the cluster, for example to
/// print it. Every method has an empty default, so implement only what you need; calls come
/// from the runner's loop, one at a time, and must return quickly.
/// </summary>
public interface IClusterSweepObserver
{
    /// <summary>The trials not finished in the sweep's folder were handed to the cluster.</summary>
    void OnSubmitted(ClusterSweepSubmitted submitted)
    {
    }

    /// <summary>A trial ended on a worker, trained or failed.</summary>
    void OnTrialFinished(ClusterTrialFinished finished)
    {
    }

    /// <summary>A trial moved to another worker, which goes on from its last checkpoint.</summary>
    void OnTrialTakenOver(ClusterTrialTakenOver takenOver)
    {
    }

    /// <summary>How the sweep stands, every so often between trials' ends.</summary>
    void OnStanding(ClusterSweepStanding standing)
    {
    }

    /// <summary>The runner was cancelled and left the sweep training in the cluster.</summary>
    void OnLeft(ClusterSweepLeft left)
    {
    }
}
