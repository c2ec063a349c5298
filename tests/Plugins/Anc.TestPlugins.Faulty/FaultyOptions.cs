using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.TestPlugins.Faulty;

/// <summary>Options of the <c>faulty</c> architecture.</summary>
public sealed class FaultyOptions
{
    /// <summary>How it fails.</summary>
    [Description("How it fails: nan, throw or wrongGradient.")]
    public FaultKind Fault { get; set; } = FaultKind.Nan;

    /// <summary>How many forward passes go well first.</summary>
    [Description("How many forward passes go well first.")]
    [Range(0, int.MaxValue)]
    public int AfterCalls { get; set; } = 10;
}
