using Anc.Components;

namespace MyPlugin;

/// <summary>An example adversary: it observes the ciphertext only.</summary>
public sealed class EavesdropperAdversary(EavesdropperOptions options) : IAdversary
{
    /// <inheritdoc />
    public IReadOnlyList<string> Observes { get; } = [ChannelScenario.Ciphertext];

    /// <inheritdoc />
    public int StepsPerRound => options.StepsPerRound;
}
