using Anc.Components;
using Anc.Observers;
using static TorchSharp.torch;

namespace Anc.Scenarios;

/// <summary>Everything one seed of an experiment is given: its seed, device, training settings, parties and data generator.</summary>
public sealed class ExperimentContext
{
    /// <summary>Creates a context; the framework does this for each seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="device">Where tensors live.</param>
    /// <param name="training">The manifest's training section.</param>
    /// <param name="parties">The parties by role name.</param>
    /// <param name="progress">Where long phases report progress.</param>
    /// <param name="cancellationToken">Signals that the run is being stopped.</param>
    /// <param name="data">
    /// The data generator, for a scenario that names a <see cref="IScenario.DefaultDataGenerator"/>;
    /// <see langword="null"/> for one that makes its own data.
    /// </param>
    public ExperimentContext(int seed, Device device, TrainingOptions training, IReadOnlyDictionary<string, Party> parties, IProgress<MetricEvent> progress, CancellationToken cancellationToken, IDataGenerator? data = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(progress);
        Seed = seed;
        Device = device;
        Training = training;
        Parties = parties;
        Progress = progress;
        CancellationToken = cancellationToken;
        Data = data;
    }

    /// <summary>The seed; the scenario derives every random stream it uses from it.</summary>
    public int Seed { get; }

    /// <summary>Where tensors live.</summary>
    public Device Device { get; }

    /// <summary>The manifest's training section.</summary>
    public TrainingOptions Training { get; }

    /// <summary>The parties by role name.</summary>
    public IReadOnlyDictionary<string, Party> Parties { get; }

    /// <summary>
    /// Where the scenario reports progress of long phases it runs itself, such as evaluation
    /// (<see cref="Observers.MetricPhase.Evaluation"/>). Training progress is reported by the
    /// framework from the metrics <see cref="IExperiment.TrainRound"/> returns.
    /// </summary>
    public IProgress<MetricEvent> Progress { get; }

    /// <summary>Signals that the run is being stopped.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The examples' source, as the manifest's <c>data</c> (or the scenario's default) configured it;
    /// <see langword="null"/> when the scenario names no <see cref="IScenario.DefaultDataGenerator"/>.
    /// </summary>
    public IDataGenerator? Data { get; }

    /// <summary>The party playing <paramref name="role"/>.</summary>
    public Party GetParty(string role) =>
        Parties.TryGetValue(role, out Party? party)
            ? party
            : throw new KeyNotFoundException($"The experiment has no party '{role}'.");
}
