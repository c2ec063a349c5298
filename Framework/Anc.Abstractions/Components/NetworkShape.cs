namespace Anc.Components;

/// <summary>The widths a scenario asks of a party's network: features in, features out.</summary>
/// <param name="InputWidth">The number of input features per example.</param>
/// <param name="OutputWidth">The number of output features per example.</param>
public readonly record struct NetworkShape(int InputWidth, int OutputWidth);
