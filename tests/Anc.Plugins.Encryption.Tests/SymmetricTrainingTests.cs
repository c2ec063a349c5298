using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;

namespace Anc.Plugins.Encryption.Tests;

public sealed class SymmetricTrainingTests
{
    [Fact]
    public void Bob_learns_to_decrypt_far_below_chance()
    {
        const int Bits = 4;
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(2);
        SymmetricOptions options = new()
        {
            Bits = Bits,
            Stopping = { Enabled = false },
            Evaluation = { FreshEves = 1, Steps = 200, MeasureEvery = 100, HeldOutExamples = 2048 },
        };
        // The reference code's networks, as in symmetric-quick: at N=4 they learn on every seed
        // tried (0-5, all below 0.25 bits wrong by step 1,200), where the paper's stall on most
        // seeds for thousands of steps (4 of 6 still at 0.5 bits or more at step 2,400), so a
        // test on one seed of those would hang on the seed's luck, not on the code.
        using IExperiment experiment = CreateExperiment(options, new TrainingOptions { BatchSize = 256, LearningRate = 0.008 }, seed: 1, MixTransformVariant.Reference);

        RoundResult first = experiment.TrainRound(1);
        for (int step = 2; step <= 1200; step++)
        {
            experiment.TrainRound(step);
        }

        EvaluationResult evaluation = experiment.Evaluate();

        // Chance is N/2 = 2 bits wrong and an untrained Bob is there; a trained one gets at most 10% of the bits wrong.
        Assert.InRange(first.Metrics["bob.bitsWrong"], 1.8, 2.2);
        Assert.True(evaluation.Metrics["bob.bitsWrong"] <= 0.1 * Bits, $"Bob is {evaluation.Metrics["bob.bitsWrong"]} bits wrong on held-out data");
        Assert.Equal(Bits, evaluation.Metrics["bits"]);
        AdversaryTrial freshEve = Assert.Single(evaluation.Adversaries);
        Assert.Equal(evaluation.Metrics["freshEve.bestBitsWrong"], freshEve.Best);
        Assert.Equal([100L, 200L], freshEve.History.Select(p => p.Step));
    }

    [Fact]
    public void The_stopping_rule_ends_training_once_Bob_is_exact_and_Eve_at_chance()
    {
        SymmetricOptions options = new() { Bits = 4, Stopping = { BobMaxBitsWrong = 4, EveBitsFromChance = 2 } };
        using IExperiment experiment = CreateExperiment(options, new TrainingOptions { BatchSize = 16 }, seed: 0);

        Assert.True(experiment.TrainRound(1).StopRequested);
    }

    [Fact]
    public void The_stopping_rule_waits_for_its_minimum_steps()
    {
        SymmetricOptions options = new() { Bits = 4, Stopping = { BobMaxBitsWrong = 4, EveBitsFromChance = 2, MinSteps = 5 } };
        using IExperiment experiment = CreateExperiment(options, new TrainingOptions { BatchSize = 16 }, seed: 0);

        Assert.False(experiment.TrainRound(4).StopRequested);
        Assert.True(experiment.TrainRound(5).StopRequested);
    }

    [Fact]
    public void A_symmetric_experiment_restored_from_a_checkpoint_trains_on_exactly_as_one_never_stopped()
    {
        using IDisposable turn = TrainingLock.Acquire();
        SymmetricOptions options = new() { Bits = 8, Stopping = { Enabled = false } };

        (string[] uninterrupted, string[] resumed) = CheckpointContinuation.Train(
            () => CreateExperiment(options, new TrainingOptions { BatchSize = 64 }, seed: 2), at: 30, total: 45);

        Assert.Equal(15, resumed.Length);
        Assert.Equal(uninterrupted, resumed);
    }

    private static IExperiment CreateExperiment(SymmetricOptions options, TrainingOptions training, int seed, MixTransformVariant variant = MixTransformVariant.Paper)
    {
        torch.random.manual_seed(seed);
        return new SymmetricScenario(options).CreateExperiment(SymmetricContext.For(seed, training, variant));
    }
}
