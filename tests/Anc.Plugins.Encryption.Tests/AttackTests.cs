using Anc.Attacks;
using Anc.Components;
using Anc.Plugins.Encryption.Architectures.Controls;
using Anc.Plugins.Encryption.Attacks;
using Anc.Plugins.Encryption.Symmetric;
using Anc.Scenarios;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class AttackTests
{
    private const int Bits = 8;
    private const int HeldOut = 4000;

    [Fact]
    public void A_guess_of_zero_counts_as_a_fixed_guess_not_as_a_miss()
    {
        using IDisposable scope = torch.NewDisposeScope();
        Tensor truth = torch.tensor(new float[] { 1, -1, 1, 1, -1, -1 }).reshape(2, 3);

        // A network that learned nothing and outputs zero everywhere is right wherever the bit is +1.
        Assert.Equal(3L, AttackMeasurements.CorrectBits(torch.zeros(2, 3), truth));
        Assert.Equal(6L, AttackMeasurements.CorrectBits(truth * 0.3, truth));
        Assert.Equal(0L, AttackMeasurements.CorrectBits(-truth, truth));
    }

    [Fact]
    public void Every_attack_reads_the_identity_cipher()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        foreach ((string name, AttackResult result) in AttackAll(new IdentityCipherArchitecture(), seed: 1))
        {
            double ideal = result.Measure == AttackMeasure.BitsRecovered ? 0 : 1;
            Assert.True(Math.Abs(result.Figure - ideal) < 0.2, $"{name}: {result.Figure} ({result.Detail})");
            Assert.Equal(result.Measure == AttackMeasure.BitsRecovered ? (long)HeldOut * Bits : HeldOut, result.Trials);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Against_the_one_time_pad_no_attack_does_better_than_a_coin(int seed)
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.set_num_threads(1);
        foreach ((string name, AttackResult result) in AttackAll(new OneTimePadArchitecture(), seed))
        {
            // Within 4.5 standard deviations of a coin: bits wrong per message N/2 +- sqrt(N/4 / messages),
            // advantage 0 +- 1/sqrt(games). Ties or any other bias in the scoring would show here.
            (double chance, double deviation) = result.Measure == AttackMeasure.BitsRecovered
                ? (Bits / 2.0, Math.Sqrt(Bits / 4.0 / HeldOut))
                : (0, 1 / Math.Sqrt(HeldOut));
            Assert.True(Math.Abs(result.Figure - chance) < 4.5 * deviation, $"seed {seed}, {name}: {result.Figure}, chance {chance} +- {deviation}");
        }
    }

    /// <summary>Short runs of the three built-in attacks against Alice = <paramref name="cipher"/> (Bob and Eve untrained: attacks need only Alice).</summary>
    private static IEnumerable<(string Name, AttackResult Result)> AttackAll(IArchitecture cipher, int seed)
    {
        SymmetricScenario scenario = new(new SymmetricOptions { Bits = Bits });
        torch.random.manual_seed(seed);
        using IExperiment experiment = scenario.CreateExperiment(SymmetricContext.For(seed, new TrainingOptions { BatchSize = 64 }, aliceArchitecture: cipher));
        IAttack[] attacks =
        [
            new FreshEveAttack(new FreshEveAttackOptions { Restarts = 1, Steps = 300, BatchSize = 256, LearningRate = 0.008 }),
            new LinearProbeAttack(new LinearProbeOptions { Steps = 300, BatchSize = 256 }),
            new ChosenPlaintextAttack(new ChosenPlaintextOptions { Steps = 400, BatchSize = 256 }),
        ];
        List<(string, AttackResult)> results = [];
        for (int i = 0; i < attacks.Length; i++)
        {
            using ICipherTarget target = ((IAttackableExperiment)experiment).CreateTarget(1000 + i);
            results.Add((attacks[i].GetType().Name, attacks[i].Run(new AttackContext(target, (seed * 100) + i, HeldOut, new Progress<AttackProgress>(), CancellationToken.None))));
        }

        return results;
    }
}
