namespace Anc.Plugins.Encryption.Adversaries;

/// <summary>
/// Options of the <c>public-key-eve</c> adversary: <see cref="EveAdversary"/> seeing, by default,
/// everything a public-key attacker has: the public key, the ciphertext, and encryptions under
/// that key of plaintexts of her choosing (anyone can encrypt with a public key).
/// </summary>
public sealed class PublicKeyEveOptions : EveOptions
{
    /// <summary>The public-key attacker's defaults.</summary>
    public PublicKeyEveOptions()
    {
        Observes = ["publicKey", "ciphertext", "chosenPlaintexts"];
    }
}
