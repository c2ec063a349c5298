using Anc.Plugins.Encryption.Protocol;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>Options of the <c>symmetric</c> scenario: the encryption experiments' shared options, whose defaults are the paper's.</summary>
public sealed class SymmetricOptions : EncryptionOptions
{
}
