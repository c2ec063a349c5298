using Anc.Evaluation;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// The fresh-Eve evaluation after training (<see cref="FreshEveEvaluation"/>) with this
/// experiment's defaults: 3 fresh Eves of 2,000 steps, measured every 250. The largest
/// advantage over Blind Eve that one of them reaches on held-out data is reported; Blind Eve's
/// guess, C's mean, is estimated from the held-out examples.
/// </summary>
public sealed class EvaluationOptions : FreshEveOptions
{
    /// <summary>Sets this experiment's defaults.</summary>
    public EvaluationOptions()
    {
        FreshEves = 3;
        Steps = 2000;
        MeasureEvery = 250;
    }
}
