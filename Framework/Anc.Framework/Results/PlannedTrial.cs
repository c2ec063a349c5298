namespace Anc.Results;

/// <summary>A trial of <see cref="SweepPlanFile"/>.</summary>
/// <param name="Id">Its id: its setting's and its seed.</param>
/// <param name="Setting">Its setting's id.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="Directory">Its run directory, relative to the sweep's folder.</param>
public sealed record PlannedTrial(string Id, string Setting, int Seed, string Directory);
