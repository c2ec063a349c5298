namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>
/// A fixed-key XOR, a control for attack panels: C = P * K0 elementwise (P XOR K0 on the -1/+1
/// encoding), where K0 is one random key drawn when the network is built and reused for every
/// message; the message's own key is ignored. It is broken because a reused key is learnt from
/// examples: an attack that trains on ciphertexts with their plaintexts, as a fresh Eve does,
/// recovers K0 and with it every P.
/// </summary>
/// <remarks>
/// K0 is drawn from torch's global generator, as other architectures draw their initial weights,
/// so a seed fixes it and another seed changes it; it is a buffer of the network, not a parameter,
/// so checkpoints keep it and training never changes it.
/// </remarks>
public sealed class FixedKeyXorArchitecture : ControlCipherArchitecture
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "fixed-key-xor";

    /// <summary>Creates the control; it takes no options.</summary>
    public FixedKeyXorArchitecture()
        : base(Name, ControlCipherKey.Fixed)
    {
    }
}
