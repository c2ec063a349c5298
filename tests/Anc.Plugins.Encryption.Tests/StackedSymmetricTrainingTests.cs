using Anc.Components;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class StackedSymmetricTrainingTests
{
    private static readonly int[] Seeds = [1, 2, 3];

    [Theory]
    [InlineData(MixTransformVariant.Paper)]
    [InlineData(MixTransformVariant.Reference)]
    public void Seeds_trained_together_train_as_each_seed_alone(MixTransformVariant variant)
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        const int Rounds = 40;
        SymmetricScenario scenario = new(new SymmetricOptions { Bits = 8, Stopping = { Enabled = false } });
        TrainingOptions training = new() { BatchSize = 64, LearningRate = 0.004 };

        List<RoundResult>[] alone = Seeds.Select(_ => new List<RoundResult>()).ToArray();
        for (int k = 0; k < Seeds.Length; k++)
        {
            // As the framework creates a seed's experiment: torch's generator seeded first.
            torch.random.manual_seed(Seeds[k]);
            using IExperiment experiment = scenario.CreateExperiment(SymmetricContext.For(Seeds[k], training, variant));
            for (int step = 1; step <= Rounds; step++)
            {
                alone[k].Add(experiment.TrainRound(step));
            }
        }

        using ISeedBatch together = scenario.CreateSeedBatch(Seeds.Select(s => SymmetricContext.For(s, training, variant)).ToArray());
        Assert.Equal(Seeds.Length, together.Count);
        for (int step = 1; step <= Rounds; step++)
        {
            IReadOnlyList<RoundResult> round = together.TrainRound(step);
            for (int k = 0; k < Seeds.Length; k++)
            {
                Assert.Equal(alone[k][step - 1].Metrics.Keys.Order(), round[k].Metrics.Keys.Order());
                foreach ((string figure, double expected) in alone[k][step - 1].Metrics)
                {
                    Assert.True(
                        Math.Abs(expected - round[k].Metrics[figure]) <= 1e-4 * Math.Max(1, Math.Abs(expected)),
                        $"seed {Seeds[k]}, step {step}, {figure}: alone {expected}, together {round[k].Metrics[figure]}");
                }
            }
        }

        // The seeds really differ: each kept its own weights and data.
        Assert.NotEqual(alone[0][^1].Metrics["bob.bitsWrong"], alone[1][^1].Metrics["bob.bitsWrong"]);
    }

    [Fact]
    public void A_party_without_mix_transform_networks_is_refused_with_the_reason()
    {
        SymmetricScenario scenario = new(new SymmetricOptions { Bits = 4 });
        ExperimentContext context = SymmetricContext.For(1, new TrainingOptions { BatchSize = 8 }, bobArchitecture: new OtherArchitecture());

        NotSupportedException refusal = Assert.Throws<NotSupportedException>(() => scenario.CreateSeedBatch([context]));
        Assert.Contains("bob", refusal.Message, StringComparison.Ordinal);
    }

    private sealed class OtherArchitecture : IArchitecture
    {
        public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => nn.Sequential(nn.Linear(shape.InputWidth, shape.OutputWidth), nn.Tanh());
    }
}
