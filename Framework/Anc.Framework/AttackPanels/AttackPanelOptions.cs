using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.AttackPanels;

/// <summary>The settings of a panel file besides its <c>attacks</c>.</summary>
internal sealed class AttackPanelOptions
{
    [Description("Fresh held-out messages (or games) each attack is finally measured on.")]
    [Range(100, 10_000_000)]
    public int HeldOutExamples { get; set; } = 10_000;

    [Description("The panel's significance level; one attack breaks the cipher below alpha / (number of attacks).")]
    [Range(1e-12, 0.5)]
    public double Alpha { get; set; } = 0.001;
}
