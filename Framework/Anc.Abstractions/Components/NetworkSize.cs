namespace Anc.Components;

/// <summary>
/// How large a network of some shape is, counted from its shape alone, before anything is
/// built: what the framework's memory estimate (made when a manifest is read) needs of an
/// architecture. Counts are doubles so that absurd sizes, such as a manifest asking for
/// ten-million-bit keys, are estimated instead of overflowing.
/// </summary>
/// <param name="Parameters">The network's weights and biases.</param>
/// <param name="ActivationsPerExample">
/// The values one example's forward pass keeps for the backward pass: the input and every
/// layer's output (and its nonlinearity's, when that is a separate tensor).
/// </param>
public readonly record struct NetworkSize(double Parameters, double ActivationsPerExample);
