using Anc.Components;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.PublicKey;

/// <summary>
/// One seed of the public-key experiment: the key generator turns a private key into the
/// public key, Alice encrypts with the public key, Bob decrypts with the private key, and Eve
/// sees what she observes of the public key, the ciphertext and her own encryptions.
/// </summary>
internal sealed class PublicKeyExperiment : EncryptionExperiment
{
    private readonly PublicKeyOptions _options;
    private readonly nn.Module<Tensor, Tensor> _keyGenerator;
    private readonly nn.Module<Tensor, Tensor> _alice;
    private readonly nn.Module<Tensor, Tensor> _bob;

    public PublicKeyExperiment(PublicKeyOptions options, ExperimentContext context)
        : this(options, context, Build(context, "keyGenerator", options.Bits, options.Bits), Build(context, "alice", 2 * options.Bits, options.Bits), Build(context, "bob", 2 * options.Bits, options.Bits))
    {
    }

    private PublicKeyExperiment(PublicKeyOptions options, ExperimentContext context, nn.Module<Tensor, Tensor> keyGenerator, nn.Module<Tensor, Tensor> alice, nn.Module<Tensor, Tensor> bob)
        : base(options, context, [(EncryptionFootprint.CheckpointFile("keyGenerator"), keyGenerator), (EncryptionFootprint.CheckpointFile("alice"), alice), (EncryptionFootprint.CheckpointFile("bob"), bob)], (int)EveInputWidth(options, context.GetParty("eve").Adversary!.Observes), "defenders")
    {
        _options = options;
        _keyGenerator = keyGenerator;
        _alice = alice;
        _bob = bob;
    }

    protected override nn.Module<Tensor, Tensor> BobNetwork => _bob;

    protected override (Tensor Plaintext, Tensor BobInput, Tensor EveInput) Exchange(BitSource data, Tensor plaintext)
    {
        long batch = plaintext.shape[0];
        Tensor privateKey = data.Next(batch, Bits);
        Tensor publicKey = _keyGenerator.forward(privateKey);
        Tensor ciphertext = _alice.forward(torch.cat([plaintext, publicKey], 1));
        return (plaintext, torch.cat([ciphertext, privateKey], 1), EveInput(publicKey, ciphertext, data, batch));
    }

    /// <summary>How wide what Eve observes is: N per signal, and two N per chosen plaintext (it and its encryption).</summary>
    internal static long EveInputWidth(PublicKeyOptions options, IReadOnlyList<string> observes) =>
        observes.Sum(signal => signal == PublicKeyScenario.ChosenPlaintexts ? 2L * options.Bits * options.ChosenPlaintexts : options.Bits);

    // Built in this order, before Eve.
    private static nn.Module<Tensor, Tensor> Build(ExperimentContext context, string party, int inputWidth, int bits) =>
        context.GetParty(party).Architecture.Build(new NetworkShape(inputWidth, bits)).to(context.Device);

    /// <summary>
    /// Eve's input: the signals she observes, in her order. Her chosen plaintexts are fresh random
    /// plaintexts from <paramref name="data"/>, each followed by its encryption under the same public key.
    /// </summary>
    private Tensor EveInput(Tensor publicKey, Tensor ciphertext, BitSource data, long batch)
    {
        List<Tensor> parts = [];
        foreach (string signal in EveObserves)
        {
            switch (signal)
            {
                case PublicKeyScenario.PublicKeySignal:
                    parts.Add(publicKey);
                    break;
                case PublicKeyScenario.Ciphertext:
                    parts.Add(ciphertext);
                    break;
                case PublicKeyScenario.ChosenPlaintexts:
                    for (int i = 0; i < _options.ChosenPlaintexts; i++)
                    {
                        Tensor chosen = data.Next(batch, Bits);
                        parts.Add(chosen);
                        parts.Add(_alice.forward(torch.cat([chosen, publicKey], 1)));
                    }

                    break;
                default:
                    throw new InvalidOperationException($"The public-key scenario has no signal '{signal}'.");
            }
        }

        return torch.cat(parts, 1);
    }
}
