using Anc.Observers;
using Anc.Plugins.SelectiveProtection.Adversaries;
using Anc.Plugins.SelectiveProtection.Architectures;
using Anc.Plugins.SelectiveProtection.Data;
using Anc.Plugins.SelectiveProtection.Losses;
using Anc.Plugins.SelectiveProtection.Scenario;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Tests;

/// <summary>
/// The protected run and its control differ only by the adversary term's weight; both train
/// 3000 rounds of 256 examples from seed 1 on one thread (about 10 seconds each), so their
/// figures repeat exactly. With the default data, D-public alone can get to an error of 0.25
/// on D by carrying C, or 1.25 without anything about C; Blind Eve's error on C is about 1.
/// </summary>
public sealed class SelectiveProtectionTrainingTests
{
    private const int Seed = 1;
    private const int Rounds = 3000;

    [Fact]
    public void Protected_training_has_Bob_beat_D_public_while_no_fresh_Eve_gains_over_Blind_Eve()
    {
        using IDisposable turn = TrainingLock.Acquire();

        (RoundResult first, EvaluationResult evaluation) = Train(new SelectiveProtectionOptions());

        IReadOnlyDictionary<string, double> m = evaluation.Metrics;
        // Untrained, Bob is about as far from D as D's variance, 3.25.
        Assert.True(first.Metrics["bob.dError"] > 2, $"Bob starts at {first.Metrics["bob.dError"]}");
        // Bob learned to read what Alice hides in the ciphertext: he is near the noise floor (0.25), D-public is not.
        Assert.True(m["bob.dError"] < 0.5, $"Bob's error on D is {m["bob.dError"]}");
        Assert.True(m["bob.dError"] < m["dPublic.dError"] - 0.3, $"Bob {m["bob.dError"]}, D-public {m["dPublic.dError"]}");
        Assert.True(
            m["freshEve.bestAdvantage"] <= 0.05 * m["blindEve.cError"],
            $"the best fresh Eve gains {m["freshEve.bestAdvantage"]} over Blind Eve's {m["blindEve.cError"]}");
        Assert.True(evaluation.Success, evaluation.Verdict);
    }

    [Fact]
    public void The_control_without_the_adversary_term_leaks_C_and_its_fresh_Eve_shows_it()
    {
        using IDisposable turn = TrainingLock.Acquire();

        (_, EvaluationResult evaluation) = Train(new SelectiveProtectionOptions { AdversaryWeight = 0 });

        IReadOnlyDictionary<string, double> m = evaluation.Metrics;
        // Nothing asks Alice to hide C, so D-public carries it (its error falls to the noise floor)...
        Assert.True(m["dPublic.dError"] < 0.5, $"D-public's error on D is {m["dPublic.dError"]}");
        // ...and a fresh Eve reading D-public = A + B + C alone would already gain a third of C's variance.
        Assert.True(
            m["freshEve.bestAdvantage"] >= 0.25 * m["blindEve.cError"],
            $"the best fresh Eve gains only {m["freshEve.bestAdvantage"]} over Blind Eve's {m["blindEve.cError"]}");
        Assert.False(evaluation.Success, evaluation.Verdict);
    }

    [Fact]
    public void An_experiment_restored_from_a_checkpoint_trains_on_exactly_as_one_never_stopped()
    {
        using IDisposable turn = TrainingLock.Acquire();

        (string[] uninterrupted, string[] resumed) = CheckpointContinuation.Train(() => Create(new SelectiveProtectionOptions()), at: 40, total: 60);

        Assert.Equal(20, resumed.Length);
        Assert.Equal(uninterrupted, resumed);
    }

    private static (RoundResult First, EvaluationResult Evaluation) Train(SelectiveProtectionOptions options)
    {
        torch.set_num_threads(1);
        using IExperiment experiment = Create(options);

        RoundResult first = experiment.TrainRound(1);
        for (int step = 2; step <= Rounds; step++)
        {
            experiment.TrainRound(step);
        }

        return (first, experiment.Evaluate());
    }

    private static IExperiment Create(SelectiveProtectionOptions options)
    {
        options.Evaluation = new EvaluationOptions { FreshEves = 1, Steps = 1000, MeasureEvery = 250, HeldOutExamples = 4096 };
        torch.random.manual_seed(Seed);
        SelectiveProtectionScenario scenario = new(options);
        DenseArchitecture architecture = new(new DenseOptions());
        Dictionary<string, Party> parties = scenario.Parties.ToDictionary(
            r => r.Name,
            r => new Party(r, architecture, new SquaredErrorLoss(), r.IsAdversary ? new CEveAdversary(new CEveOptions()) : null));
        ExperimentContext context = new(
            Seed, CPU, new TrainingOptions { BatchSize = 256, LearningRate = 0.002 }, parties, new Progress<MetricEvent>(), CancellationToken.None,
            new CorrelatedGaussianGenerator(new CorrelatedGaussianOptions()));
        return scenario.CreateExperiment(context);
    }
}
