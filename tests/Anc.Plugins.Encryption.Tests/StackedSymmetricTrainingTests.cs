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
    private const int Rounds = 40;
    private const int RoundsAfter = 10;
    private static readonly int[] Seeds = [1, 2, 3];
    private static readonly TrainingOptions Training = new() { BatchSize = 64, LearningRate = 0.004 };

    [Theory]
    [InlineData(MixTransformVariant.Paper)]
    [InlineData(MixTransformVariant.Reference)]
    public void Seeds_trained_together_train_as_each_seed_alone(MixTransformVariant variant)
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        SymmetricScenario scenario = Scenario();
        List<RoundResult>[] alone = Seeds.Select(s => TrainAlone(scenario, s, variant, Rounds)).ToArray();

        IExperiment[] experiments = Seeds.Select(s => Create(scenario, s, variant)).ToArray();
        try
        {
            using ISeedBatch together = scenario.CreateSeedBatch(experiments);
            Assert.Equal(Seeds.Length, together.Count);
            for (int step = 1; step <= Rounds; step++)
            {
                IReadOnlyList<RoundResult> round = together.TrainRound(step);
                for (int k = 0; k < Seeds.Length; k++)
                {
                    AssertSameFigures(alone[k][step - 1], round[k], $"seed {Seeds[k]}, step {step}");
                }
            }
        }
        finally
        {
            Array.ForEach(experiments, e => e.Dispose());
        }

        // The seeds really differ: each kept its own weights and data.
        Assert.NotEqual(alone[0][^1].Metrics["bob.bitsWrong"], alone[1][^1].Metrics["bob.bitsWrong"]);
    }

    [Fact]
    public void A_seed_written_back_from_the_batch_trains_on_as_if_it_had_trained_alone_all_along()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        SymmetricScenario scenario = Scenario();
        List<RoundResult> alone = TrainAlone(scenario, Seeds[1], MixTransformVariant.Paper, Rounds + RoundsAfter);

        IExperiment[] experiments = Seeds.Select(s => Create(scenario, s, MixTransformVariant.Paper)).ToArray();
        try
        {
            using (ISeedBatch together = scenario.CreateSeedBatch(experiments))
            {
                for (int step = 1; step <= Rounds; step++)
                {
                    together.TrainRound(step);
                }

                together.WriteBack(1);
            }

            // Weights, both optimizers' moments and step counts, and the data stream all came back:
            // otherwise the rounds after would part from the seed's own.
            for (int step = Rounds + 1; step <= Rounds + RoundsAfter; step++)
            {
                AssertSameFigures(alone[step - 1], experiments[1].TrainRound(step), $"step {step} after writing back");
            }
        }
        finally
        {
            Array.ForEach(experiments, e => e.Dispose());
        }
    }

    [Fact]
    public void A_party_without_mix_transform_networks_is_refused_with_the_reason()
    {
        SymmetricScenario scenario = new(new SymmetricOptions { Bits = 4 });
        ExperimentContext context = SymmetricContext.For(1, new TrainingOptions { BatchSize = 8 }, bobArchitecture: new OtherArchitecture());

        string? reason = scenario.WhyNotTogether(context.Parties);
        Assert.NotNull(reason);
        Assert.Contains("bob", reason, StringComparison.Ordinal);
        Assert.Null(scenario.WhyNotTogether(SymmetricContext.For(1, new TrainingOptions { BatchSize = 8 }).Parties));
        torch.random.manual_seed(1);
        using IExperiment experiment = scenario.CreateExperiment(context);
        NotSupportedException refusal = Assert.Throws<NotSupportedException>(() => scenario.CreateSeedBatch([experiment]));
        Assert.Contains("bob", refusal.Message, StringComparison.Ordinal);
    }

    private static SymmetricScenario Scenario() => new(new SymmetricOptions { Bits = 8, Stopping = { Enabled = false } });

    /// <summary>As the framework creates a seed's experiment: torch's generator seeded first.</summary>
    private static IExperiment Create(SymmetricScenario scenario, int seed, MixTransformVariant variant)
    {
        torch.random.manual_seed(seed);
        return scenario.CreateExperiment(SymmetricContext.For(seed, Training, variant));
    }

    private static List<RoundResult> TrainAlone(SymmetricScenario scenario, int seed, MixTransformVariant variant, int rounds)
    {
        using IExperiment experiment = Create(scenario, seed, variant);
        return Enumerable.Range(1, rounds).Select(step => experiment.TrainRound(step)).ToList();
    }

    private static void AssertSameFigures(RoundResult expected, RoundResult actual, string where)
    {
        Assert.Equal(expected.Metrics.Keys.Order(), actual.Metrics.Keys.Order());
        foreach ((string figure, double value) in expected.Metrics)
        {
            Assert.True(
                Math.Abs(value - actual.Metrics[figure]) <= 1e-4 * Math.Max(1, Math.Abs(value)),
                $"{where}, {figure}: alone {value}, together {actual.Metrics[figure]}");
        }
    }

    private sealed class OtherArchitecture : IArchitecture
    {
        public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => nn.Sequential(nn.Linear(shape.InputWidth, shape.OutputWidth), nn.Tanh());
    }
}
