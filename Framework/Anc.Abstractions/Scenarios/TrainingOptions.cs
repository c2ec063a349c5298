using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Scenarios;

/// <summary>
/// The <c>training</c> section of a manifest, common to every scenario. Defaults are the
/// paper's symmetric settings (Abadi and Andersen 2016, section 2.5).
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Examples per minibatch. No fixed limit: what this machine's memory cannot hold is refused when the manifest is read.</summary>
    [Description("Examples per minibatch (paper: 4096); a size this machine's memory cannot hold is refused when the manifest is read.")]
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 4096;

    /// <summary>Adam's learning rate, not decayed.</summary>
    [Description("Adam's learning rate, not decayed (paper: 0.0008).")]
    [Range(1e-9, 10.0)]
    public double LearningRate { get; set; } = 0.0008;

    /// <summary>The most training rounds before training stops; the scenario may stop earlier.</summary>
    [Description("The most training rounds; the scenario's stopping rule may end training earlier.")]
    [Range(1, 100_000_000)]
    public int MaxSteps { get; set; } = 50_000;

    /// <summary>Every how many rounds metrics are written and shown.</summary>
    [Description("Every how many rounds metrics are logged.")]
    [Range(1, 100_000_000)]
    public int LogEvery { get; set; } = 100;

    /// <summary>Every how many rounds a checkpoint to resume from is written; 0 writes only the final one.</summary>
    [Description("Every how many rounds a checkpoint to resume from is written (anc-host run --resume); 0: only the final one.")]
    [Range(0, 100_000_000)]
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>
    /// How many seeds train as one batched program (<see cref="ISeedBatchScenario"/>), each with the
    /// figures it gets alone; 1 trains each seed on its own. Seeds are taken in the manifest's order.
    /// </summary>
    [Description("How many seeds train as one batched program, each with the figures it gets alone (fast for small batches); 1: each seed on its own. The scenario and its parties must support it.")]
    [Range(1, 1024)]
    public int SeedsTogether { get; set; } = 1;
}
