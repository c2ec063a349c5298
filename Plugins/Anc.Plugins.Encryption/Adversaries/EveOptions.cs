using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Anc.Plugins.Encryption.Adversaries;

/// <summary>
/// Options of the <c>eve</c> adversary. Not sealed: <see cref="PublicKeyEveOptions"/> is the same
/// Eve with the defaults of an attacker on public-key encryption.
/// </summary>
public class EveOptions
{
    /// <summary>Minibatches Eve trains on per round, after Alice and Bob's step (the paper's 1:2 alternation).</summary>
    [Description("Minibatches Eve trains on per round, after Alice and Bob's (paper: 2).")]
    [Range(0, 1000)]
    public int StepsPerRound { get; set; } = 2;

    /// <summary>The public signals Eve sees.</summary>
    [Description("The public signals Eve sees (paper: the ciphertext).")]
    public List<string> Observes { get; set; } = ["ciphertext"];

    /// <summary>What Eve trains to do: the paper's reconstruction, or the chosen-plaintext game.</summary>
    [Description("What Eve trains to do: reconstruct (the paper's: recover the plaintext) or chosenPlaintext (tell which of two plaintexts was encrypted; Alice and Bob are then pushed to make her game a coin toss).")]
    public EveGame Game { get; set; } = EveGame.Reconstruct;
}
