using System.ComponentModel.DataAnnotations;

namespace Contoso.Anc.KeyedChannel;

/// <summary>How the listener trains.</summary>
public sealed class ListenerOptions
{
    /// <summary>Minibatches the listener trains on in each round.</summary>
    [Range(1, 16)]
    public int StepsPerRound { get; set; } = 1;
}
