using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>The figures both encryption scenarios report, in bits wrong, and how they judge them.</summary>
internal static class EncryptionFigures
{
    /// <summary>One round's figures, and whether the stopping rule says training is done.</summary>
    public static RoundResult Round(long step, Tensor bobBits, Tensor eveBits, Tensor aliceBobLoss, Tensor? eveTrainingBits, int bits, StoppingOptions stopping)
    {
        double bob = bobBits.item<float>();
        double eve = eveBits.item<float>();
        Dictionary<string, double> metrics = new()
        {
            ["bob.bitsWrong"] = bob,
            ["eve.bitsWrong"] = eve,
            ["aliceBob.loss"] = aliceBobLoss.item<float>(),
        };
        if (eveTrainingBits is not null)
        {
            metrics["eve.trainingBitsWrong"] = eveTrainingBits.item<float>();
        }

        bool stop = stopping.Enabled && step >= stopping.MinSteps && step % stopping.CheckEvery == 0
            && bob <= stopping.BobMaxBitsWrong
            && eve >= bits / 2.0 - stopping.EveBitsFromChance;
        return new RoundResult(metrics, stop);
    }

    /// <summary>
    /// <paramref name="round"/> with the chosen-plaintext game's figures: Eve's advantage on the
    /// defenders' batch and her training loss on the game, in nats (ln 2 is a coin).
    /// </summary>
    public static RoundResult WithGame(RoundResult round, double advantage, Tensor? eveGameLoss)
    {
        Dictionary<string, double> metrics = new(round.Metrics) { ["eve.advantage"] = advantage };
        if (eveGameLoss is not null)
        {
            metrics["eve.trainingGameLoss"] = eveGameLoss.item<float>();
        }

        return round with { Metrics = metrics };
    }

    /// <summary>
    /// The evaluation's figures on held-out data and the verdict of the success criterion, which
    /// judges <paramref name="success"/>'s Eve; the other Eve's figure is reported beside it.
    /// </summary>
    public static EvaluationResult Evaluation(double bob, double eve, IReadOnlyList<AdversaryTrial> freshEves, IReadOnlyList<string> eveSees, int bits, SuccessOptions success)
    {
        double best = freshEves.Min(t => t.Best);
        bool trained = success.Judge == JudgedEve.TrainedEve;
        double judged = trained ? eve : best;
        bool bobOk = bob <= success.BobBound(bits);
        bool eveOk = judged >= success.EveBound(bits);
        string freshEvesText = $"best of {freshEves.Count} fresh Eves, seeing {string.Join(", ", eveSees)}, {best:0.###} bits wrong";
        string trainedText = $"the trained Eve {eve:0.###} bits wrong";
        string verdict =
            $"Bob {bob:0.###} of {bits} bits wrong ({(bobOk ? "at most" : "more than")} {success.BobBound(bits):0.###}); " +
            $"{(trained ? trainedText : freshEvesText)} ({(eveOk ? "at least" : "fewer than")} {success.EveBound(bits):0.###}; chance is {bits / 2.0:0.#})" +
            $"{(trained ? $"; {freshEvesText}, reported beside" : string.Empty)}.";
        Dictionary<string, double> metrics = new()
        {
            ["bits"] = bits,
            ["bob.bitsWrong"] = bob,
            ["eve.bitsWrong"] = eve,
            ["freshEve.bestBitsWrong"] = best,
            ["freshEve.meanBitsWrong"] = freshEves.Average(t => t.Best),
        };
        return new EvaluationResult(bobOk && eveOk, metrics, freshEves, verdict) { Criterion = success.Describe(bits) };
    }
}
