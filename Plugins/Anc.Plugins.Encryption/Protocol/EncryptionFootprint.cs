using Anc.Ciphers;
using Anc.Components;
using Anc.Scenarios;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>What one seed of an encryption experiment holds, for the framework's memory estimate.</summary>
internal static class EncryptionFootprint
{
    /// <summary>The networks, each given by its party and input width (every one outputs N bits), and the held-out evaluation.</summary>
    public static SeedFootprint Of(EncryptionOptions options, params (string Party, long InputWidth)[] networks) =>
        new(networks.Select(n => new PartyNetwork(n.Party, new NetworkShape(Width(n.InputWidth), options.Bits))).ToArray(), options.Evaluation.HeldOutExamples)
        {
            WidthOption = "bits",
            EvaluationOption = "evaluation.heldOutExamples",
        };

    /// <summary>The networks of <paramref name="footprint"/> as a seed's checkpoint holds them, each in its <see cref="CheckpointFile"/>.</summary>
    public static IReadOnlyList<TrainedNetwork> Trained(SeedFootprint footprint) =>
        footprint.Networks.Select(n => new TrainedNetwork(n.Party, n.Shape, CheckpointFile(n.Party))).ToArray();

    /// <summary>The file of a seed's checkpoint that holds <paramref name="party"/>'s weights: its name, kebab-case, <c>.dat</c>.</summary>
    public static string CheckpointFile(string party) => party == "keyGenerator" ? "key-generator.dat" : $"{party}.dat";

    // A width past int's range cannot be built at all; clamped, the estimate is still far past any memory.
    private static int Width(long width) => (int)Math.Min(width, int.MaxValue);
}
