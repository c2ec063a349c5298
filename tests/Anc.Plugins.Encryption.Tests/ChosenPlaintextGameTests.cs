using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Protocol;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class ChosenPlaintextGameTests
{
    private const int Bits = 8;

    [Fact]
    public void An_eve_who_learns_nothing_loses_ln_2_and_the_defenders_term_is_then_zero()
    {
        using IDisposable scope = torch.NewDisposeScope();
        using BitSource data = new(5, CPU);
        ChosenPlaintextGame game = ChosenPlaintextGame.Draw(data, 4096, Bits);

        Tensor blind = game.Loss(torch.zeros(4096, Bits));

        Assert.Equal(Math.Log(2), blind.item<float>(), 6);
        Assert.Equal(0, ChosenPlaintextGame.DefendersTerm(blind).item<float>(), 6);
        Assert.True(game.Coin.abs().eq(1).all().item<bool>());
        // Each row encrypts the plaintext its coin names.
        Assert.True(torch.where(game.Coin > 0, game.Second, game.First).eq(game.Encrypted).all().item<bool>());
    }

    [Fact]
    public void An_eve_who_reads_the_plaintext_wins_nearly_every_game_and_one_who_reads_its_opposite_loses_them()
    {
        using IDisposable scope = torch.NewDisposeScope();
        using BitSource data = new(6, CPU);
        ChosenPlaintextGame game = ChosenPlaintextGame.Draw(data, 4096, Bits);

        // Only identical pairs (1 in 256) cannot be told apart.
        Assert.True(game.Advantage(game.Encrypted) > 0.98, $"advantage {game.Advantage(game.Encrypted)}");
        Assert.True(game.Advantage(-game.Encrypted) < -0.98);
        Assert.True(game.Loss(game.Encrypted).item<float>() < 0.05);
        Assert.True(ChosenPlaintextGame.DefendersTerm(game.Loss(-game.Encrypted)).item<float>() > 1, "a reliably wrong Eve is as bad for the defenders as a reliably right one");
    }

    [Fact]
    public void Against_an_eve_playing_the_game_Bob_still_learns_and_her_game_is_logged()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        SymmetricScenario scenario = new(new SymmetricOptions { Bits = Bits, Stopping = { Enabled = false } });
        ExperimentContext context = SymmetricContext.For(
            1, new TrainingOptions { BatchSize = 256, LearningRate = 0.004 }, MixTransformVariant.Reference, eveOptions: new EveOptions { Game = EveGame.ChosenPlaintext });
        torch.random.manual_seed(1);
        using IExperiment experiment = scenario.CreateExperiment(context);

        RoundResult last = null!;
        for (int step = 1; step <= 1500; step++)
        {
            last = experiment.TrainRound(step);
        }

        Assert.True(last.Metrics["bob.bitsWrong"] < 1, $"Bob {last.Metrics["bob.bitsWrong"]} of {Bits} bits wrong");
        Assert.InRange(last.Metrics["eve.advantage"], -1, 1);
        Assert.True(last.Metrics["eve.trainingGameLoss"] > 0);
        Assert.DoesNotContain("eve.trainingBitsWrong", last.Metrics.Keys);
    }
}
