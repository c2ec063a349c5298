using System.Collections.Concurrent;
using Anc.Observers;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

/// <summary>The fresh-Eve evaluation side by side and stacked learns what it learns one Eve after another.</summary>
public sealed class FreshEveEvaluationTests
{
    private const int Bits = 16;

    [Fact]
    public void Fresh_Eves_side_by_side_learn_exactly_as_one_after_another_on_one_thread()
    {
        using IDisposable turn = TrainingLock.Acquire();
        ConcurrentQueue<MetricEvent> events = new();
        // Above the stacking batch, each Eve trains alone: side by side on two threads, or in turn on one.
        TrainingOptions training = new() { BatchSize = EncryptionFreshEves.StackedUpToBatch * 2, LearningRate = 0.008 };
        using IExperiment experiment = Trained(training, new CollectingProgress(events));

        torch.set_num_threads(2);
        EvaluationResult sideBySide = experiment.Evaluate();
        MetricEvent[] reported = events.ToArray();
        torch.set_num_threads(1);
        EvaluationResult inTurn = experiment.Evaluate();
        torch.set_num_threads(2);

        Assert.Equal(["freshEve-1", "freshEve-2", "freshEve-3"], sideBySide.Adversaries.Select(a => a.Name));
        Assert.Equal(inTurn.Adversaries.Select(a => a.History.Select(p => (p.Step, p.Value)).ToArray()), sideBySide.Adversaries.Select(a => a.History.Select(p => (p.Step, p.Value)).ToArray()));
        // Every Eve moved away from where she started: the comparison is of learning, not of three constants.
        Assert.All(sideBySide.Adversaries, a => Assert.NotEqual(a.History[0].Value, a.History[^1].Value));

        // Progress counts the Eve-steps of all of them, up to all of them, one report per Eve and measurement.
        Assert.Equal(3 * 3, reported.Length);
        Assert.All(reported, e => Assert.Equal(3L * 12, e.TotalSteps));
        Assert.Equal(reported.Select(e => e.Step).Order(), reported.Select(e => e.Step));
        Assert.Equal(3L * 12, reported[^1].Step);
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper)]
    [InlineData(MixTransformVariant.Reference)]
    public void Stacked_fresh_Eves_learn_as_each_alone_does_to_1e4_on_one_thread(MixTransformVariant variant)
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        try
        {
            MixTransformArchitecture architecture = new(new MixTransformOptions { Variant = variant });
            nn.Module<Tensor, Tensor> BuildEve() => architecture.Build(new Components.NetworkShape(Bits, Bits));
            using BitSource heldOut = new(99, CPU);
            (Tensor input, Tensor plaintext) = Eavesdrop(heldOut, 512);
            L1BitsLoss loss = new();

            Eavesdropping eavesdropping = new(Eavesdrop, 128, loss.Compute, (input, plaintext), (input, plaintext));
            using EncryptionEveGroup together = EncryptionEveGroup.Build(BuildEve, seed: 7, first: 0, count: 3, learningRate: 0.02, CPU, eavesdropping)!;
            EncryptionEveGroup[] alone = Enumerable.Range(0, 3).Select(k => EncryptionEveGroup.Build(BuildEve, seed: 7, first: k, count: 1, learningRate: 0.02, CPU, eavesdropping)!).ToArray();
            double[] start = Measure(together);
            for (int step = 0; step < 150; step++)
            {
                together.Step();
                Array.ForEach(alone, eve => eve.Step());
            }

            double[] stacked = Measure(together);
            double[] each = alone.Select(eve => Measure(eve)[0]).ToArray();
            Array.ForEach(alone, eve => eve.Dispose());

            Assert.Equal(3, together.Count);
            Assert.All(stacked.Zip(each), pair => Assert.Equal(pair.Second, pair.First, 1e-4));
            // Each learned (the observation carries the plaintext), and each differently (her own weights and data).
            Assert.All(stacked.Zip(start), pair => Assert.True(pair.First < pair.Second - 0.5, $"{pair.Second} -> {pair.First} bits wrong"));
            Assert.Equal(3, stacked.Distinct().Count());
        }
        finally
        {
            torch.set_num_threads(2);
        }
    }

    private static double[] Measure(EncryptionEveGroup group)
    {
        using IDisposable noGrad = torch.no_grad();
        return group.Measure(Evaluation.FreshEveSet.Validation);
    }

    /// <summary>A leaky cipher Eve can learn: each ciphertext bit is the plaintext bit, flipped where a key bit and its neighbour's are both -1.</summary>
    private static (Tensor Input, Tensor Plaintext) Eavesdrop(BitSource source, int batch)
    {
        Tensor plaintext = source.Next(batch, Bits);
        Tensor key = source.Next(batch, Bits);
        Tensor flip = (key.lt(0) & key.roll(1, 1).lt(0)).to(float32);
        return (plaintext * (1 - (2 * flip)), plaintext);
    }

    private static IExperiment Trained(TrainingOptions training, IProgress<MetricEvent> progress)
    {
        SymmetricOptions options = new()
        {
            Bits = Bits,
            Stopping = { Enabled = false },
            Evaluation = { FreshEves = 3, Steps = 12, MeasureEvery = 4, HeldOutExamples = 1024 },
        };
        torch.random.manual_seed(5);
        IExperiment experiment = new SymmetricScenario(options).CreateExperiment(SymmetricContext.For(5, training, progress: progress));
        for (int step = 1; step <= 3; step++)
        {
            experiment.TrainRound(step);
        }

        return experiment;
    }

    /// <summary>Keeps every report as it comes, from whichever thread (Progress&lt;T&gt; would post them elsewhere).</summary>
    private sealed class CollectingProgress(ConcurrentQueue<MetricEvent> events) : IProgress<MetricEvent>
    {
        public void Report(MetricEvent value) => events.Enqueue(value);
    }
}
