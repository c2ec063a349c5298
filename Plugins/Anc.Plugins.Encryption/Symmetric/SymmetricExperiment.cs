using Anc.Components;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>
/// One seed of the symmetric experiment: Alice encrypts plaintext P with key K, Bob gets the
/// ciphertext and K, Eve the ciphertext (each signal she observes is the ciphertext's width).
/// </summary>
internal sealed class SymmetricExperiment : EncryptionExperiment
{
    private readonly nn.Module<Tensor, Tensor> _alice;
    private readonly nn.Module<Tensor, Tensor> _bob;

    public SymmetricExperiment(SymmetricOptions options, ExperimentContext context)
        : this(options, context, Build(context, "alice", options.Bits), Build(context, "bob", options.Bits))
    {
    }

    private SymmetricExperiment(SymmetricOptions options, ExperimentContext context, nn.Module<Tensor, Tensor> alice, nn.Module<Tensor, Tensor> bob)
        : base(options, context, [(EncryptionFootprint.CheckpointFile("alice"), alice), (EncryptionFootprint.CheckpointFile("bob"), bob)], context.GetParty("eve").Adversary!.Observes.Count * options.Bits, "alice-bob")
    {
        _alice = alice;
        _bob = bob;
    }

    protected override nn.Module<Tensor, Tensor> BobNetwork => _bob;

    protected override (Tensor Plaintext, Tensor BobInput, Tensor EveInput) Exchange(BitSource data, Tensor plaintext)
    {
        long batch = plaintext.shape[0];
        Tensor key = data.Next(batch, Bits);
        Tensor ciphertext = _alice.forward(torch.cat([plaintext, key], 1));
        return (plaintext, torch.cat([ciphertext, key], 1), ciphertext);
    }

    // Alice and Bob both read [2N] and write [N]; built in this order, before Eve.
    private static nn.Module<Tensor, Tensor> Build(ExperimentContext context, string party, int bits) =>
        context.GetParty(party).Architecture.Build(new NetworkShape(2 * bits, bits)).to(context.Device);
}
