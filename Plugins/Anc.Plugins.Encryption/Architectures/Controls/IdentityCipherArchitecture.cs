namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>
/// The identity cipher, a control for attack panels: the ciphertext is the plaintext (C = P) and
/// the key is ignored. It is broken by construction, since an eavesdropper reads P off C, so an
/// attack that cannot recover P from it is not working.
/// </summary>
public sealed class IdentityCipherArchitecture : ControlCipherArchitecture
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "identity-cipher";

    /// <summary>Creates the control; it takes no options.</summary>
    public IdentityCipherArchitecture()
        : base(Name, ControlCipherKey.None)
    {
    }
}
