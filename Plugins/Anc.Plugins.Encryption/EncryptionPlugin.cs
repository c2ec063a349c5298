using Anc.Components;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Architectures.Controls;
using Anc.Plugins.Encryption.Attacks;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.PublicKey;
using Anc.Plugins.Encryption.Symmetric;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Plugins.Encryption;

/// <summary>Registers the components of the paper's encryption experiments (Abadi and Andersen 2016, section 2).</summary>
public sealed class EncryptionPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAncArchitecture<MixTransformArchitecture, MixTransformOptions>(
            MixTransformArchitecture.Name, "The paper's mix-and-transform network: a dense layer, then 1-D convolutions.");
        services.AddAncArchitecture<IdentityCipherArchitecture, NoOptions>(
            IdentityCipherArchitecture.Name, "A control for attack panels, for Alice: a broken cipher whose ciphertext is the plaintext (the key is ignored).");
        services.AddAncArchitecture<FixedKeyXorArchitecture, NoOptions>(
            FixedKeyXorArchitecture.Name, "A control for attack panels, for Alice: a broken cipher that XORs the plaintext with one fixed random key drawn when the network is built.");
        services.AddAncArchitecture<OneTimePadArchitecture, NoOptions>(
            OneTimePadArchitecture.Name, "A control for attack panels, for Alice: the one-time pad, a sound cipher that XORs the plaintext with each message's fresh key.");
        services.AddAncAdversary<EveAdversary, EveOptions>(
            EveAdversary.Name, "The paper's Eve: sees the ciphertext only, trains on 2 minibatches per round.");
        services.AddAncAdversary<EveAdversary, PublicKeyEveOptions>(
            EveAdversary.PublicKeyName, "Eve against public-key encryption: sees the public key, the ciphertext and her own encryptions.");
        services.AddAncLoss<L1BitsLoss, NoOptions>(
            L1BitsLoss.Name, "L1 distance in bits wrong: sum over bits of |P - estimate| / 2, averaged over the batch.");
        services.AddAncScenario<SymmetricScenario, SymmetricOptions>(
            SymmetricScenario.Name, "Symmetric encryption: Alice and Bob share a key, Eve sees the ciphertext.");
        services.AddAncScenario<PublicKeyScenario, PublicKeyOptions>(
            PublicKeyScenario.Name, "Public-key encryption: a key generator makes the public key, Bob decrypts with the private key.");
        services.AddAncAttack<FreshEveAttack, FreshEveAttackOptions>(
            FreshEveAttack.Name, "An eavesdropper trained from scratch against the frozen cipher (the paper's Eve or a wider, deeper MLP), best of several restarts.");
        services.AddAncAttack<LinearProbeAttack, LinearProbeOptions>(
            LinearProbeAttack.Name, "A logistic regression per plaintext bit from what the eavesdropper observes.");
        services.AddAncAttack<ChosenPlaintextAttack, ChosenPlaintextOptions>(
            ChosenPlaintextAttack.Name, "The chosen-plaintext game: tell which of two plaintexts was encrypted.");
    }
}
