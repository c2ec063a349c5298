using Anc.Hosting;
namespace Anc.Training;

/// <summary>How to carry out a run, as opposed to what it is (the manifest's business).</summary>
/// <param name="OutputRoot">The runs root; the run directory is <c>&lt;root&gt;/&lt;experiment&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;id&gt;/</c>.</param>
public sealed record RunSettings(string OutputRoot)
{
    /// <summary>
    /// How many seeds train at once. Above 1, each seed trains in a process of its own (see
    /// <see cref="AncOptions.SeedProcess"/>), because torch's random generator and thread count
    /// belong to a process, and the manifest's <c>threads</c> (or, where it is 0, the processor
    /// count) are divided between them, at least one each, so the machine is not oversubscribed.
    /// </summary>
    public int Parallel { get; init; } = 1;
}
