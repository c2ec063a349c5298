using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;

namespace Anc.Plugins.Encryption.Tests;

/// <summary>The success criterion says exactly what it judges, and the stopping rule when it is checked.</summary>
public sealed class SuccessCriterionTests
{
    private const int Bits = 16;

    // Two fresh Eves: the better one read 4.5 bits wrong of 16.
    private static readonly AdversaryTrial[] FreshEves =
        [new("freshEve-1", 5.25, 100, [new MetricPoint(100, 5.25)]), new("freshEve-2", 4.5, 100, [new MetricPoint(100, 4.5)])];

    private static readonly SuccessOptions Paper = new() { Judge = JudgedEve.TrainedEve, BobMaxBitsWrong = 0.05, EveMinBitsWrong = 6 };

    [Theory]
    [InlineData(0.04, 6.5, true)]
    [InlineData(0.05, 6.0, true)]
    [InlineData(0.06, 6.5, false)]
    [InlineData(0.04, 5.9, false)]
    public void The_papers_criterion_judges_Bob_in_bits_and_the_trained_Eve_and_reports_the_fresh_Eves_beside(double bob, double trainedEve, bool success)
    {
        EvaluationResult result = EncryptionFigures.Evaluation(bob, trainedEve, FreshEves, ["ciphertext"], Bits, Paper);

        // The fresh Eves read far more (4.5 bits wrong, under 6), yet only the trained Eve is judged.
        Assert.Equal(success, result.Success);
        Assert.Equal("Bob at most 0.05 bits wrong and the trained Eve at least 6 bits wrong of 16, on held-out data", result.Criterion);
        Assert.Contains($"the trained Eve {trainedEve:0.###} bits wrong", result.Verdict, StringComparison.Ordinal);
        Assert.Contains("best of 2 fresh Eves, seeing ciphertext, 4.5 bits wrong, reported beside", result.Verdict, StringComparison.Ordinal);
        Assert.Equal(4.5, result.Metrics["freshEve.bestBitsWrong"]);
        Assert.Equal(trainedEve, result.Metrics["eve.bitsWrong"]);
    }

    [Fact]
    public void By_default_the_best_fresh_Eve_is_judged_in_shares_of_N()
    {
        SuccessOptions defaults = new();

        EvaluationResult result = EncryptionFigures.Evaluation(1.5, 7.9, FreshEves, ["ciphertext"], Bits, defaults);

        // Bob 1.5 <= 0.1 x 16 = 1.6; the best fresh Eve 4.5 < 0.3 x 16 = 4.8, whatever the trained Eve.
        Assert.False(result.Success);
        Assert.Equal("Bob at most 1.6 bits wrong and the best fresh Eve at least 4.8 bits wrong of 16, on held-out data", result.Criterion);
        Assert.Contains("best of 2 fresh Eves, seeing ciphertext, 4.5 bits wrong (fewer than 4.8; chance is 8)", result.Verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("trained Eve", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Bits_replace_shares_where_both_are_given()
    {
        SuccessOptions both = new() { BobMaxErrorRate = 0.5, BobMaxBitsWrong = 0.02, FreshEveMinErrorRate = 0.1, EveMinBitsWrong = 4.6 };

        Assert.Equal(0.02, both.BobBound(Bits));
        Assert.Equal(4.6, both.EveBound(Bits));
        Assert.False(EncryptionFigures.Evaluation(0.03, 8, FreshEves, ["ciphertext"], Bits, both).Success);
    }

    [Fact]
    public void The_reference_codes_stopping_rule_is_checked_only_every_200_rounds()
    {
        StoppingOptions reference = new() { BobMaxBitsWrong = 0.02, EveBitsFromChance = 0.3, CheckEvery = 200 };
        using TorchSharp.torch.Tensor bob = TorchSharp.torch.tensor(0.01f);
        using TorchSharp.torch.Tensor eve = TorchSharp.torch.tensor(7.8f);
        using TorchSharp.torch.Tensor loss = TorchSharp.torch.tensor(0.1f);

        Assert.False(EncryptionFigures.Round(199, bob, eve, loss, null, Bits, reference).StopRequested);
        Assert.True(EncryptionFigures.Round(200, bob, eve, loss, null, Bits, reference).StopRequested);
        Assert.True(EncryptionFigures.Round(1, bob, eve, loss, null, Bits, new StoppingOptions { BobMaxBitsWrong = 0.02 }).StopRequested);
    }
}
