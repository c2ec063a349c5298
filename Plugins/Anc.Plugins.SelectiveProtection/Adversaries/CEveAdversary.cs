using Anc.Components;

namespace Anc.Plugins.SelectiveProtection.Adversaries;

/// <summary>Eve after the sensitive value C: she sees D-public and the ciphertext, and estimates C.</summary>
public sealed class CEveAdversary : IAdversary
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "c-eve";

    /// <summary>Creates Eve with her options.</summary>
    public CEveAdversary(CEveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Observes = options.Observes.ToArray();
        StepsPerRound = options.StepsPerRound;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Observes { get; }

    /// <inheritdoc />
    public int StepsPerRound { get; }
}
