namespace Anc.Scenarios;

/// <summary>
/// An experiment protocol: which parties exist, how data is generated, who sees what, one
/// training round, the metrics and the evaluation. The implementation receives its options
/// through its constructor.
/// </summary>
public interface IScenario
{
    /// <summary>The parties the scenario needs.</summary>
    IReadOnlyList<PartyRole> Parties { get; }

    /// <summary>
    /// The data generator used when the manifest names none under <c>data</c>, or
    /// <see langword="null"/> for a scenario that makes its own data (then a manifest may not
    /// name one). The generator reaches the experiment as <see cref="ExperimentContext.Data"/>.
    /// </summary>
    string? DefaultDataGenerator => null;

    /// <summary>
    /// The networks one seed builds and the examples it evaluates at once, from the options alone,
    /// for the memory estimate the framework makes when it reads a manifest: sizes that cannot fit
    /// are refused before anything is allocated. The default, <see langword="null"/>, says nothing,
    /// and then the manifest's sizes are not checked against memory.
    /// </summary>
    SeedFootprint? EstimateFootprint(FootprintContext context) => null;

    /// <summary>Creates the live state of one seed: networks, optimizers and data streams.</summary>
    IExperiment CreateExperiment(ExperimentContext context);
}
