using Anc.Components;
using Anc.Observers;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

/// <summary>A symmetric seed's context on the CPU as a manifest with default components gives it.</summary>
internal static class SymmetricContext
{
    /// <summary>
    /// Mix-transform networks of <paramref name="variant"/> (Alice's <paramref name="aliceArchitecture"/>
    /// and Bob's <paramref name="bobArchitecture"/> where given), the l1-bits loss, the paper's Eve (with <paramref name="eveOptions"/> where given);
    /// progress goes to <paramref name="progress"/> where given.
    /// </summary>
    public static ExperimentContext For(
        int seed, TrainingOptions training, MixTransformVariant variant = MixTransformVariant.Paper, IArchitecture? bobArchitecture = null, IArchitecture? aliceArchitecture = null, EveOptions? eveOptions = null, IProgress<MetricEvent>? progress = null)
    {
        MixTransformArchitecture architecture = new(new MixTransformOptions { Variant = variant });
        Dictionary<string, Party> parties = new SymmetricScenario(new SymmetricOptions()).Parties.ToDictionary(
            r => r.Name,
            r => new Party(r, r.Name switch { "alice" => aliceArchitecture ?? architecture, "bob" => bobArchitecture ?? architecture, _ => architecture }, new L1BitsLoss(), r.IsAdversary ? new EveAdversary(eveOptions ?? new EveOptions()) : null));
        return new ExperimentContext(seed, CPU, training, parties, progress ?? new Progress<MetricEvent>(), CancellationToken.None);
    }
}
