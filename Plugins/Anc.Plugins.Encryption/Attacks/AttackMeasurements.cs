using Anc.Attacks;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// How attacks score guesses of -1/+1 bits: a guess is +1 where the network's output is zero or
/// more, else -1. A tie must not count as wrong: a network that learned nothing (as against a
/// one-time pad) outputs the same value for everything, and ties scored as misses would look
/// like a leak; a fixed guess is right half the time whatever the cipher.
/// </summary>
internal static class AttackMeasurements
{
    /// <summary>How many of <paramref name="truth"/>'s bits the signs of <paramref name="output"/> get right.</summary>
    public static long CorrectBits(Tensor output, Tensor truth)
    {
        using Tensor guesses = output.ge(Scalars.Zero);
        using Tensor bits = truth.gt(Scalars.Zero);
        using Tensor correct = guesses.eq(bits);
        using Tensor count = correct.sum();
        return count.item<long>();
    }

    /// <summary>Bits wrong per row.</summary>
    public static double BitsWrong(Tensor output, Tensor truth) =>
        (truth.numel() - CorrectBits(output, truth)) / (double)truth.shape[0];

    /// <summary>
    /// Measures <paramref name="network"/>, a guesser of plaintexts from observations, on the
    /// held-out messages (drawn now, after training): every bit of every message a trial.
    /// </summary>
    public static AttackResult BitsRecovered(nn.Module<Tensor, Tensor> network, AttackSets sets, AttackContext context, IReadOnlyList<MetricPoint> history, string detail)
    {
        using IDisposable noGrad = torch.no_grad();
        Tensor heldOut = sets.HeldOut(context.HeldOutExamples);
        long trials = heldOut.numel();
        long correct = CorrectBits(network.forward(context.Target.Observe(heldOut)), heldOut);
        return new AttackResult(AttackMeasure.BitsRecovered, (trials - correct) / (double)context.HeldOutExamples, trials, correct, history, detail);
    }
}
