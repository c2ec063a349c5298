using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Anc.Plugins.Encryption.Protocol;

namespace Anc.Plugins.Encryption.PublicKey;

/// <summary>Options of the <c>public-key</c> scenario: the symmetric experiment's, and what an Eve who encrypts gets.</summary>
public sealed class PublicKeyOptions : EncryptionOptions
{
    /// <summary>How many encryptions of random plaintexts under the same public key come with each ciphertext, for an Eve who observes <c>chosenPlaintexts</c>.</summary>
    [Description("Encryptions of random plaintexts under the same public key given with each ciphertext to an Eve who observes chosenPlaintexts.")]
    [Range(1, 64)]
    public int ChosenPlaintexts { get; set; } = 2;
}
