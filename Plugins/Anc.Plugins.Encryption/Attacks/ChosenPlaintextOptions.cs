using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>chosen-plaintext</c> attack.</summary>
public sealed class ChosenPlaintextOptions : TrainedAttackOptions
{
    /// <summary>The game's defaults: more steps, a distinguisher learns slower than a guesser.</summary>
    public ChosenPlaintextOptions()
    {
        Steps = 3000;
    }

    /// <summary>Hidden layers of the scorer (how well a plaintext fits an observation).</summary>
    [Description("Hidden layers of the scorer, which rates how well a plaintext fits an observation.")]
    [Range(1, 16)]
    public int HiddenLayers { get; set; } = 2;

    /// <summary>Each hidden layer's width as a multiple of the scorer's input width (a plaintext and an observation).</summary>
    [Description("Each hidden layer's width as a multiple of the scorer's input width (one plaintext and one observation).")]
    [Range(1, 64)]
    public int WidthFactor { get; set; } = 4;
}
