namespace Anc.Cluster.Hosting;

/// <summary>The cluster's Redis cannot be reached, or refused to let this process in; the message says which and what to do.</summary>
public sealed class ClusterAccessException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do, in one line.</param>
    /// <param name="inner">What StackExchange.Redis threw.</param>
    public ClusterAccessException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
