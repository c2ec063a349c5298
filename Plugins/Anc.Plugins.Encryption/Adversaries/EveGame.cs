namespace Anc.Plugins.Encryption.Adversaries;

/// <summary>What Eve trains to do during training.</summary>
public enum EveGame
{
    /// <summary>The paper's: recover the plaintext from what she observes (her loss, in bits wrong).</summary>
    Reconstruct,

    /// <summary>
    /// The chosen-plaintext game (after Coutinho et al. 2018): of two plaintexts, one is encrypted;
    /// she says which. Her network still outputs a guess of the plaintext, and her answer is the
    /// plaintext of the pair closer to it; she trains on the game's cross-entropy.
    /// </summary>
    ChosenPlaintext,
}
