using Anc.Observers;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.PublicKey;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class PublicKeyTrainingTests
{
    private const int Bits = 4;

    [Fact]
    public void Bob_learns_to_decrypt_with_the_private_key_and_an_Eve_who_sees_only_the_public_key_stays_at_chance()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(2);
        using IExperiment experiment = CreateExperiment(new PublicKeyEveOptions { Observes = ["publicKey"] }, seed: 1);

        RoundResult first = experiment.TrainRound(1);
        for (int step = 2; step <= 1500; step++)
        {
            experiment.TrainRound(step);
        }

        EvaluationResult evaluation = experiment.Evaluate();

        // Chance is N/2 = 2 bits wrong and an untrained Bob is there; a trained one gets at most 10% of the bits wrong.
        Assert.InRange(first.Metrics["bob.bitsWrong"], 1.8, 2.2);
        Assert.True(evaluation.Metrics["bob.bitsWrong"] <= 0.1 * Bits, $"Bob is {evaluation.Metrics["bob.bitsWrong"]} bits wrong on held-out data");
        // The public key alone says nothing of the plaintext.
        AdversaryTrial freshEve = Assert.Single(evaluation.Adversaries);
        Assert.Equal(evaluation.Metrics["freshEve.bestBitsWrong"], freshEve.Best);
        Assert.InRange(freshEve.Best, 1.85, 2.15);
        Assert.Contains("seeing publicKey, ", evaluation.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Eve_who_encrypts_chosen_plaintexts_under_the_public_key_reads_the_deterministic_cipher()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(2);
        using IExperiment experiment = CreateExperiment(new PublicKeyEveOptions(), seed: 1);
        for (int step = 1; step <= 1000; step++)
        {
            experiment.TrainRound(step);
        }

        EvaluationResult evaluation = experiment.Evaluate();

        // Alice has no randomness: whoever can encrypt candidate plaintexts can match them, and
        // with 4-bit plaintexts a fresh Eve learns to, however Alice and Bob train against her.
        Assert.Contains("seeing publicKey, ciphertext, chosenPlaintexts", evaluation.Verdict, StringComparison.Ordinal);
        Assert.True(evaluation.Metrics["freshEve.bestBitsWrong"] <= 1.0, evaluation.Verdict);
        Assert.False(evaluation.Success);
    }

    [Fact]
    public void A_checkpoint_holds_every_network_both_optimizers_and_the_data_stream()
    {
        using IExperiment experiment = CreateExperiment(new PublicKeyEveOptions(), seed: 0);
        experiment.TrainRound(1);
        string directory = Directory.CreateTempSubdirectory("anc-public-key-").FullName;

        experiment.SaveCheckpoint(directory);

        Assert.Equal(
            ["alice.dat", "bob.dat", "data.rng", "defenders.adam.dat", "eve.adam.dat", "eve.dat", "key-generator.dat"],
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_public_key_experiment_restored_from_a_checkpoint_trains_on_exactly_as_one_never_stopped()
    {
        using IDisposable turn = TrainingLock.Acquire();

        (string[] uninterrupted, string[] resumed) = CheckpointContinuation.Train(() => CreateExperiment(new PublicKeyEveOptions(), seed: 3), at: 20, total: 30);

        Assert.Equal(10, resumed.Length);
        Assert.Equal(uninterrupted, resumed);
    }

    private static IExperiment CreateExperiment(PublicKeyEveOptions eve, int seed)
    {
        torch.random.manual_seed(seed);
        PublicKeyScenario scenario = new(new PublicKeyOptions
        {
            Bits = Bits,
            ChosenPlaintexts = 2,
            Stopping = { Enabled = false },
            Evaluation = { FreshEves = 1, Steps = 300, MeasureEvery = 100, HeldOutExamples = 4096 },
        });
        MixTransformArchitecture architecture = new(new MixTransformOptions { Variant = MixTransformVariant.Reference });
        Dictionary<string, Party> parties = scenario.Parties.ToDictionary(
            r => r.Name,
            r => new Party(r, architecture, new L1BitsLoss(), r.IsAdversary ? new EveAdversary(eve) : null));
        TrainingOptions training = new() { BatchSize = 256, LearningRate = 0.008 };
        ExperimentContext context = new(seed, CPU, training, parties, new Progress<MetricEvent>(), CancellationToken.None);
        return scenario.CreateExperiment(context);
    }
}
