using Anc.Components;

namespace Anc.Plugins.Encryption.Adversaries;

/// <summary>The paper's eavesdropper: it sees the ciphertext and trains on two minibatches per round.</summary>
public sealed class EveAdversary : IAdversary
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "eve";

    /// <summary>The name of the same Eve with <see cref="PublicKeyEveOptions"/>, against public-key encryption.</summary>
    public const string PublicKeyName = "public-key-eve";

    /// <summary>Creates Eve with her options.</summary>
    public EveAdversary(EveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Observes = options.Observes.ToArray();
        StepsPerRound = options.StepsPerRound;
        Game = options.Game;
    }

    /// <summary>What she trains to do.</summary>
    public EveGame Game { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Observes { get; }

    /// <inheritdoc />
    public int StepsPerRound { get; }
}
