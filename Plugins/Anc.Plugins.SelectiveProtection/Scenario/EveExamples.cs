using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>A fixed set that fresh Eves are measured on: what they observe, the true C, and Blind Eve's error on it.</summary>
/// <param name="Observed">What Eve observes of each example.</param>
/// <param name="C">The sensitive value she is after.</param>
/// <param name="BlindEveError">The squared error of Blind Eve's guess (C's mean) on this set.</param>
internal sealed record EveExamples(Tensor Observed, Tensor C, double BlindEveError);
