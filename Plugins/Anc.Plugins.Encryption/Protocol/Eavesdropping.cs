using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>What an encryption scenario's fresh Eves train on and are measured on.</summary>
/// <param name="Draw">A training batch from the given stream and of the given size, made by the frozen defenders without gradients: what Eve observes, and the plaintext. Called from several threads at once.</param>
/// <param name="Batch">Examples per training batch.</param>
/// <param name="Loss">Eve's loss of the plaintext and her guesses.</param>
/// <param name="Validation">The validation set (what Eve observes, the plaintext); none where the Eves are only timed.</param>
/// <param name="HeldOut">The held-out set, as the validation set; it belongs to the caller.</param>
internal sealed record Eavesdropping(
    Func<BitSource, int, (Tensor Input, Tensor Plaintext)> Draw,
    int Batch,
    Func<Tensor, Tensor, Tensor> Loss,
    (Tensor Input, Tensor Plaintext)? Validation,
    (Tensor Input, Tensor Plaintext)? HeldOut);
