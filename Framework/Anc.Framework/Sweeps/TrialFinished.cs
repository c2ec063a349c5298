using Anc.Results;

namespace Anc.Sweeps;

/// <summary>A trial of a sweep has finished (or stopped): what the sweep reports as it goes.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Summary">Its <c>summary.json</c>.</param>
/// <param name="Done">Trials finished so far, this one included.</param>
/// <param name="Total">Trials in the sweep.</param>
public sealed record TrialFinished(SweepTrial Trial, RunSummaryFile Summary, int Done, int Total);
