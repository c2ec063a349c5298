namespace Anc.Observers;

/// <summary>A run has written its summary.</summary>
/// <param name="RunDirectory">The run directory's full path.</param>
/// <param name="SuccessRate">The share of seeds that succeeded, from 0 to 1.</param>
public sealed record RunCompleted(string RunDirectory, double SuccessRate);
