using Anc.Components;
using Anc.Plugins.SelectiveProtection.Data;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// The widths of the three networks, from the options and the data's fields: one place for the
/// experiment that builds them and for the footprint the framework's memory estimate reads.
/// </summary>
/// <param name="Options">The scenario's options (key and ciphertext widths).</param>
/// <param name="Fields">The data generator's fields a, b, c and d with their widths.</param>
internal sealed record NetworkShapes(SelectiveProtectionOptions Options, IReadOnlyDictionary<string, int> Fields)
{
    private int DWidth => Fields[CorrelatedGaussianGenerator.D];

    /// <summary>Alice: A, B, C and the key in; D-public and the ciphertext out.</summary>
    public NetworkShape Alice => new(
        Fields[CorrelatedGaussianGenerator.A] + Fields[CorrelatedGaussianGenerator.B] + Fields[CorrelatedGaussianGenerator.C] + Options.KeyWidth,
        DWidth + Options.CiphertextWidth);

    /// <summary>Bob: D-public, the ciphertext and the key in; his estimate of D out.</summary>
    public NetworkShape Bob => new(DWidth + Options.CiphertextWidth + Options.KeyWidth, DWidth);

    /// <summary>Eve: the signals she observes in, her estimate of C out.</summary>
    public NetworkShape Eve(IEnumerable<string> observes) => new(
        observes.Sum(s => s == SelectiveProtectionScenario.DPublic ? DWidth : Options.CiphertextWidth),
        Fields[CorrelatedGaussianGenerator.C]);
}
