using Anc.Components;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace MyPlugin;

/// <summary>
/// One seed of <see cref="ChannelScenario"/>. Each round Alice and Bob take one step on a loss
/// that rewards Bob's decryption and punishes the eavesdropper's success, then the
/// eavesdropper trains, at a rate of her own. Evaluation trains a fresh eavesdropper against the
/// frozen Alice and measures her and Bob on examples of their own.
/// </summary>
internal sealed class ChannelExperiment : IExperiment
{
    private readonly ChannelOptions _options;
    private readonly ExperimentContext _context;
    private readonly Party _bobParty;
    private readonly Party _eveParty;
    private readonly nn.Module<Tensor, Tensor> _alice;
    private readonly nn.Module<Tensor, Tensor> _bob;
    private readonly nn.Module<Tensor, Tensor> _eve;
    private readonly optim.Optimizer _aliceAndBob;
    private readonly optim.Optimizer _eveOptimizer;
    private readonly Generator _random;

    public ChannelExperiment(ChannelOptions options, ExperimentContext context)
    {
        _options = options;
        _context = context;
        _bobParty = context.GetParty("bob");
        _eveParty = context.GetParty("eve");
        int bits = options.Bits;
        _alice = context.GetParty("alice").Architecture.Build(new NetworkShape(2 * bits, bits)).to(context.Device);
        _bob = _bobParty.Architecture.Build(new NetworkShape(2 * bits, bits)).to(context.Device);
        _eve = NewEve();
        _aliceAndBob = optim.Adam(_alice.parameters().Concat(_bob.parameters()), context.Training.LearningRate);
        _eveOptimizer = optim.Adam(_eve.parameters(), options.EavesdropperLearningRate);
        // Data comes from a generator of the seed's own, so a seed always sees the same data.
        _random = new Generator((ulong)context.Seed, context.Device);
    }

    public RoundResult TrainRound(long step)
    {
        using var scope = NewDisposeScope();
        Tensor plaintext = RandomBits(), key = RandomBits();
        Tensor ciphertext = _alice.call(cat([plaintext, key], 1));
        Tensor bobGuess = _bob.call(cat([ciphertext, key], 1));
        Tensor eveGuess = _eve.call(ciphertext);

        // An eavesdropper that guesses zeros has loss 1: Alice and Bob push Eve towards it.
        Tensor eveLoss = _eveParty.Loss.Compute(plaintext, eveGuess);
        Tensor loss = _bobParty.Loss.Compute(plaintext, bobGuess) + _options.EavesdropperWeight * (1 - eveLoss).square();
        _aliceAndBob.zero_grad();
        loss.backward();
        _aliceAndBob.step();

        for (int i = 0; i < _eveParty.Adversary!.StepsPerRound; i++)
        {
            TrainEve(_eve, _eveOptimizer);
        }

        return new RoundResult(
            new Dictionary<string, double> { ["bob.bitsWrong"] = BitsWrong(plaintext, bobGuess), ["eve.bitsWrong"] = BitsWrong(plaintext, eveGuess) },
            StopRequested: false);
    }

    public EvaluationResult Evaluate()
    {
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> freshEve = NewEve();
        optim.Optimizer optimizer = optim.Adam(freshEve.parameters(), _options.EavesdropperLearningRate);
        for (int step = 0; step < _options.FreshEavesdropperSteps; step++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            TrainEve(freshEve, optimizer);
        }

        using var frozen = no_grad();
        Tensor plaintext = RandomBits(_options.EvaluationExamples), key = RandomBits(_options.EvaluationExamples);
        Tensor ciphertext = _alice.call(cat([plaintext, key], 1));
        double bob = BitsWrong(plaintext, _bob.call(cat([ciphertext, key], 1)));
        double eve = BitsWrong(plaintext, freshEve.call(ciphertext));
        bool success = bob <= _options.BobMaxBitsWrong && eve >= _options.EavesdropperMinBitsWrong;
        return new EvaluationResult(
            success,
            new Dictionary<string, double> { ["bob.bitsWrong"] = bob, ["freshEve.bitsWrong"] = eve },
            [new AdversaryTrial("freshEve", eve, _options.FreshEavesdropperSteps, [new MetricPoint(_options.FreshEavesdropperSteps, eve)])],
            $"Bob gets {bob:F3} of {_options.Bits} bits wrong; a fresh eavesdropper gets {eve:F3} wrong.");
    }

    public void SaveCheckpoint(string directory)
    {
        _alice.save(Path.Combine(directory, "alice.dat"));
        _bob.save(Path.Combine(directory, "bob.dat"));
        _eve.save(Path.Combine(directory, "eve.dat"));
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _eve.Dispose();
        _aliceAndBob.Dispose();
        _eveOptimizer.Dispose();
        _random.Dispose();
    }

    private nn.Module<Tensor, Tensor> NewEve() =>
        _eveParty.Architecture.Build(new NetworkShape(_options.Bits * _eveParty.Adversary!.Observes.Count, _options.Bits)).to(_context.Device);

    private void TrainEve(nn.Module<Tensor, Tensor> eve, optim.Optimizer optimizer)
    {
        using var scope = NewDisposeScope();
        Tensor plaintext = RandomBits(), key = RandomBits();
        Tensor ciphertext = _alice.call(cat([plaintext, key], 1)).detach();
        optimizer.zero_grad();
        _eveParty.Loss.Compute(plaintext, eve.call(ciphertext)).backward();
        optimizer.step();
    }

    /// <summary>A batch of random bits encoded as -1 and +1, as in the paper.</summary>
    private Tensor RandomBits() => RandomBits(_context.Training.BatchSize);

    private Tensor RandomBits(int examples) =>
        randint(0, 2, [examples, _options.Bits], ScalarType.Float32, _context.Device, generator: _random) * 2 - 1;

    private static double BitsWrong(Tensor plaintext, Tensor guess)
    {
        using var scope = NewDisposeScope();
        return guess.sign().ne(plaintext).sum(1).to_type(ScalarType.Float32).mean().item<float>();
    }
}
