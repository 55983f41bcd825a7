namespace Trajectories.Cluster;

/// <summary>The cluster could not be reached, or a batch failed on every attempt (the message says why).</summary>
public sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
