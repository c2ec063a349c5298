using System.ComponentModel.DataAnnotations;

namespace MyPlugin;

/// <summary>Options of <see cref="DenseArchitecture"/>; a manifest sets them under <c>options</c>, in camelCase.</summary>
public sealed class DenseOptions
{
    /// <summary>Units in the hidden layer.</summary>
    [Range(1, 4096)]
    public int HiddenWidth { get; set; } = 32;
}
