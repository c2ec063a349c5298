using Anc.Components;

namespace Contoso.Anc.KeyedChannel;

/// <summary>An eavesdropper that hears only the ciphertext.</summary>
public sealed class ListenerAdversary(ListenerOptions options) : IAdversary
{
    /// <inheritdoc />
    public IReadOnlyList<string> Observes { get; } = [KeyedChannelScenario.Ciphertext];

    /// <inheritdoc />
    public int StepsPerRound => options.StepsPerRound;
}
