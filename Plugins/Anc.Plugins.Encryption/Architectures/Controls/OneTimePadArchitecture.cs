namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>
/// The one-time pad, a control for attack panels: C = P * K elementwise, which on the -1/+1
/// encoding of bits is P XOR K. Each message has a fresh uniform key, so C alone is independent
/// of P: an attack that recovers P from it better than chance is measuring something other than
/// the cipher.
/// </summary>
public sealed class OneTimePadArchitecture : ControlCipherArchitecture
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "one-time-pad";

    /// <summary>Creates the control; it takes no options.</summary>
    public OneTimePadArchitecture()
        : base(Name, ControlCipherKey.Message)
    {
    }
}
