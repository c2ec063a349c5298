using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.SelectiveProtection.Architectures;

/// <summary>Options of the <c>dense</c> architecture.</summary>
public sealed class DenseOptions : IValidatableObject
{
    /// <summary>The width of each hidden layer, input side first; empty for a single linear layer.</summary>
    [Description("The width of each hidden layer, input side first; [] for one linear layer (default [32, 32]).")]
    public List<int> HiddenWidths { get; set; } = [32, 32];

    /// <summary>The nonlinearity after each hidden layer.</summary>
    [Description("The nonlinearity after each hidden layer: relu or tanh (default relu).")]
    public DenseActivation Activation { get; set; } = DenseActivation.Relu;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HiddenWidths.Any(w => w is < 1 or > 65_536))
        {
            yield return new ValidationResult("every hidden width must be between 1 and 65536.", [nameof(HiddenWidths)]);
        }
    }
}
