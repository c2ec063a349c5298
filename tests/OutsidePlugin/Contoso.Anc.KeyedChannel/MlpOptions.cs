using System.ComponentModel.DataAnnotations;

namespace Contoso.Anc.KeyedChannel;

/// <summary>The shape of <see cref="MlpArchitecture"/>'s hidden layers.</summary>
public sealed class MlpOptions
{
    /// <summary>Units per hidden layer.</summary>
    [Range(1, 4096)]
    public int HiddenWidth { get; set; } = 32;

    /// <summary>How many hidden layers.</summary>
    [Range(0, 8)]
    public int HiddenLayers { get; set; } = 1;
}
