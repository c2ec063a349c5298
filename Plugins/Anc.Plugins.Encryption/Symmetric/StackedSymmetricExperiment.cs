using Anc.Components;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Architectures;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>
/// K seeds of the symmetric experiment trained as one program: each party's K networks
/// stacked (<see cref="StackedMixTransformNetwork"/>), each seed's batch drawn from its own
/// bit stream (the seed's experiment's, shared), every seed's losses summed so one backward
/// pass and one Adam step serve all (a seed's loss depends on its own weights only, and Adam
/// works element by element, so each seed's update is the one it gets alone). Its rounds have
/// the phases of a seed alone.
/// </summary>
internal sealed class StackedSymmetricExperiment : ISeedBatch, IRoundTimings
{
    private readonly SymmetricOptions _options;
    private readonly IReadOnlyList<SymmetricExperiment> _seeds;
    private readonly StackedMixTransformNetwork _alice;
    private readonly StackedMixTransformNetwork _bob;
    private readonly StackedMixTransformNetwork _eve;
    private readonly Parameter[] _eveParameters;
    private readonly ILossFunction _bobLoss;
    private readonly ILossFunction _eveLoss;
    private readonly AdamOptimizer _defendersOptimizer;
    private readonly AdamOptimizer _eveOptimizer;
    private readonly int _eveSteps;
    private readonly int _batch;
    private readonly RoundPhaseClock _clock = new("alice-bob", "eve");

    public StackedSymmetricExperiment(SymmetricOptions options, IReadOnlyList<SymmetricExperiment> seeds)
    {
        _options = options;
        _seeds = seeds;
        ExperimentContext first = seeds[0].Context;
        if (WhyNot(first.Parties) is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        _batch = first.Training.BatchSize;
        _eveSteps = first.GetParty("eve").Adversary!.StepsPerRound;
        _alice = Stack(seeds.Select(s => s.DefenderNetworks.First()), first.Device);
        _bob = Stack(seeds.Select(s => s.DefenderNetworks.Last()), first.Device);
        _eve = Stack(seeds.Select(s => s.EveNetwork), first.Device);
        _eveParameters = _eve.parameters().ToArray();
        // l1-bits (checked above) gives a [K] tensor of bits wrong, one per seed.
        _bobLoss = first.GetParty("bob").Loss;
        _eveLoss = first.GetParty("eve").Loss;
        double rate = first.Training.LearningRate;
        _defendersOptimizer = new AdamOptimizer(_alice.parameters().Concat(_bob.parameters()), rate);
        _eveOptimizer = new AdamOptimizer(_eveParameters, rate);
        for (int k = 0; k < seeds.Count; k++)
        {
            _defendersOptimizer.ReadSlice(k, seeds[k].DefendersOptimizer);
            _eveOptimizer.ReadSlice(k, seeds[k].EveOptimizer);
        }
    }

    /// <summary>Why seeds with <paramref name="parties"/> cannot be stacked; null when they can.</summary>
    public static string? WhyNot(IReadOnlyDictionary<string, Party> parties)
    {
        foreach ((string name, Party party) in parties)
        {
            if (party.Architecture is not MixTransformArchitecture || party.Loss is not L1BitsLoss)
            {
                return $"seeds are trained together only with '{MixTransformArchitecture.Name}' networks and the '{L1BitsLoss.Name}' loss; {name} has others.";
            }
        }

        return parties["eve"].Adversary switch
        {
            { Observes.Count: not 1 } => "seeds are trained together only with an Eve who observes the ciphertext once.",
            EveAdversary { Game: not EveGame.Reconstruct } => "seeds are trained together only with an Eve who plays the paper's game (reconstruct).",
            _ => null,
        };
    }

    public int Count => _seeds.Count;

    public IReadOnlyList<string> Phases => _clock.Phases;

    public IReadOnlyList<RoundResult> TrainRound(long step)
    {
        using IDisposable scope = torch.NewDisposeScope();
        long phaseStarted = RoundPhaseClock.Start();
        Tensor bobBits = null!, eveBits = null!, loss = null!;
        for (int i = 0; i < _options.AliceBobStepsPerRound; i++)
        {
            (Tensor plaintext, Tensor key) = Draw();
            Tensor ciphertext = _alice.forward(torch.cat([plaintext, key], 2));
            bobBits = _bobLoss.Compute(plaintext, _bob.forward(torch.cat([ciphertext, key], 2)));
            EveTraining.SetTrainable(_eveParameters, false);
            eveBits = _eveLoss.Compute(plaintext, _eve.forward(ciphertext));
            loss = AliceBobLoss.Compute(bobBits, eveBits, _options.Bits);
            _defendersOptimizer.ZeroGrad();
            loss.sum().backward();
            EveTraining.SetTrainable(_eveParameters, true);
            _defendersOptimizer.Step();
        }

        phaseStarted = _clock.Add(0, phaseStarted);
        Tensor? eveTrainingBits = null;
        for (int i = 0; i < _eveSteps; i++)
        {
            Tensor plaintext, ciphertext;
            using (torch.no_grad())
            {
                (plaintext, Tensor key) = Draw();
                ciphertext = _alice.forward(torch.cat([plaintext, key], 2));
            }

            eveTrainingBits = _eveLoss.Compute(plaintext, _eve.forward(ciphertext));
            _eveOptimizer.ZeroGrad();
            eveTrainingBits.sum().backward();
            _eveOptimizer.Step();
        }

        _clock.Add(1, phaseStarted);
        return Enumerable.Range(0, Count)
            .Select(k => EncryptionFigures.Round(step, bobBits[k], eveBits[k], loss[k], eveTrainingBits?[k], _options.Bits, _options.Stopping))
            .ToArray();
    }

    public TimeSpan Elapsed(int phase) => _clock.Elapsed(phase);

    public void WriteBack(int index)
    {
        SymmetricExperiment seed = _seeds[index];
        _alice.CopyTo(index, (MixTransformNetwork)seed.DefenderNetworks.First());
        _bob.CopyTo(index, (MixTransformNetwork)seed.DefenderNetworks.Last());
        _eve.CopyTo(index, (MixTransformNetwork)seed.EveNetwork);
        _defendersOptimizer.WriteSlice(index, seed.DefendersOptimizer);
        _eveOptimizer.WriteSlice(index, seed.EveOptimizer);
    }

    public void Dispose()
    {
        _defendersOptimizer.Dispose();
        _eveOptimizer.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        _eve.Dispose();
    }

    private static StackedMixTransformNetwork Stack(IEnumerable<nn.Module<Tensor, Tensor>> networks, Device device)
    {
        MixTransformNetwork[] mixTransform = networks.Cast<MixTransformNetwork>().ToArray();
        return StackedMixTransformNetwork.Stack(mixTransform).to(device);
    }

    /// <summary>Each seed's plaintext and key, from its own stream, stacked: <c>[K, batch, bits]</c> each.</summary>
    private (Tensor Plaintext, Tensor Key) Draw()
    {
        Tensor[] plaintexts = new Tensor[Count];
        Tensor[] keys = new Tensor[Count];
        for (int k = 0; k < Count; k++)
        {
            plaintexts[k] = _seeds[k].Data.Next(_batch, _options.Bits);
            keys[k] = _seeds[k].Data.Next(_batch, _options.Bits);
        }

        return (torch.stack(plaintexts), torch.stack(keys));
    }
}
