using Anc.Components;

namespace Anc.Scenarios;

/// <summary>
/// What a scenario is given to tell its <see cref="SeedFootprint"/>: the components that set
/// its networks' widths, created from the manifest but with nothing trained or allocated.
/// </summary>
public sealed class FootprintContext
{
    /// <summary>Creates the context; the framework does this when it reads a manifest.</summary>
    /// <param name="adversaries">The attackers' adversaries, by party name.</param>
    /// <param name="data">The data generator, for a scenario that takes one; otherwise <see langword="null"/>.</param>
    public FootprintContext(IReadOnlyDictionary<string, IAdversary> adversaries, IDataGenerator? data)
    {
        ArgumentNullException.ThrowIfNull(adversaries);
        Adversaries = adversaries;
        Data = data;
    }

    /// <summary>The attackers' adversaries (what each observes sets its network's input width), by party name.</summary>
    public IReadOnlyDictionary<string, IAdversary> Adversaries { get; }

    /// <summary>The data generator (its fields' widths), for a scenario that takes one.</summary>
    public IDataGenerator? Data { get; }
}
