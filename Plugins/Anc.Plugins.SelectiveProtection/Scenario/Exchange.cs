using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>What Alice sends for a batch (D-public and the ciphertext), and Bob's estimate of D and Eve's of C from it.</summary>
internal sealed record Exchange(Tensor DPublic, Tensor Ciphertext, Tensor Bob, Tensor Eve);
