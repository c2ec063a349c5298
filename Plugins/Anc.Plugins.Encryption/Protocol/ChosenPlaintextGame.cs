using Anc.Plugins.Encryption.Attacks;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// The chosen-plaintext game in training: pairs of plaintexts and a coin per row saying which one
/// is encrypted. Eve's network guesses a plaintext; her answer is scored by how much closer her
/// guess is to the second plaintext than to the first, <c>z = (P1 - P0) . guess</c>, and her loss
/// is the game's cross-entropy <c>log(1 + exp(-b z))</c> in nats: ln 2 for an Eve who learns
/// nothing. Alice and Bob's term, <c>((L - ln 2) / ln 2)^2</c>, pushes her to exactly that, as the
/// paper's term pushes her bits wrong to N/2 rather than to N.
/// </summary>
internal sealed class ChosenPlaintextGame
{
    // Held for the process rather than converted at every round (see Scalars).
    private static readonly Scalar Chance = Math.Log(2);

    private ChosenPlaintextGame(Tensor first, Tensor second, Tensor coin)
    {
        First = first;
        Second = second;
        Coin = coin;
        using Tensor secondEncrypted = coin.gt(Scalars.Zero);
        Encrypted = torch.where(secondEncrypted, second, first);
    }

    /// <summary>The first plaintext of each pair.</summary>
    public Tensor First { get; }

    /// <summary>The second plaintext of each pair.</summary>
    public Tensor Second { get; }

    /// <summary>Per row, -1 where the first is encrypted, +1 where the second: <c>[rows, 1]</c>.</summary>
    public Tensor Coin { get; }

    /// <summary>The plaintext of each pair that is encrypted.</summary>
    public Tensor Encrypted { get; }

    /// <summary>Draws <paramref name="rows"/> games from <paramref name="data"/>: both plaintexts, then the coin.</summary>
    public static ChosenPlaintextGame Draw(BitSource data, long rows, int bits) =>
        new(data.Next(rows, bits), data.Next(rows, bits), data.Next(rows, 1));

    /// <summary>Eve's cross-entropy on the game, from her guesses of the encrypted plaintext.</summary>
    public Tensor Loss(Tensor guess) => nn.functional.softplus(-(Coin * Scores(guess))).mean();

    /// <summary>Eve's advantage, 2 x accuracy - 1; a score of zero answers "the second" (as attacks score ties).</summary>
    public double Advantage(Tensor guess)
    {
        using IDisposable noGrad = torch.no_grad();
        using Tensor scores = Scores(guess);
        return (2.0 * AttackMeasurements.CorrectBits(scores, Coin) / Coin.shape[0]) - 1;
    }

    /// <summary>Alice and Bob's term for Eve's game loss: zero when she is at chance.</summary>
    public static Tensor DefendersTerm(Tensor eveLoss) => eveLoss.sub(Chance).div(Chance).square();

    private Tensor Scores(Tensor guess) => (Second - First).mul(guess).sum(1, keepdim: true);
}
