using Anc.Scenarios;

namespace Anc.Training.Engine;

/// <summary>
/// Seeds trained together: each seed's own experiment (what checkpoints and evaluation use) and
/// the batch stacked from them (what trains). Disposing it disposes the batch, then the experiments.
/// </summary>
public sealed class SeedGroup : IDisposable
{
    /// <summary>Takes ownership of <paramref name="experiments"/> and <paramref name="batch"/>, stacked from them.</summary>
    public SeedGroup(IReadOnlyList<IExperiment> experiments, ISeedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(batch);
        Experiments = experiments;
        Batch = batch;
    }

    /// <summary>Each seed's experiment, in the batch's order.</summary>
    public IReadOnlyList<IExperiment> Experiments { get; }

    /// <summary>The batch that trains them.</summary>
    public ISeedBatch Batch { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Batch.Dispose();
        foreach (IExperiment experiment in Experiments)
        {
            experiment.Dispose();
        }
    }
}
