namespace Anc.Sweeps;

/// <summary>How to carry out a sweep locally, as opposed to what it is (the sweep file's business).</summary>
/// <param name="OutputRoot">The sweeps root; the sweep's folder is <c>&lt;root&gt;/&lt;sweep&gt;/</c>.</param>
public sealed record SweepSettings(string OutputRoot)
{
    /// <summary>How many trials train at once, each in a process of its own, sharing the manifest's threads (or the machine's).</summary>
    public int Parallel { get; init; } = 1;
}
