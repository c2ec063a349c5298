using System.ComponentModel.DataAnnotations;

namespace MyPlugin;

/// <summary>Options of <see cref="EavesdropperAdversary"/>.</summary>
public sealed class EavesdropperOptions
{
    /// <summary>Minibatches the eavesdropper trains on in each round, after Alice and Bob's step.</summary>
    [Range(1, 16)]
    public int StepsPerRound { get; set; } = 1;
}
