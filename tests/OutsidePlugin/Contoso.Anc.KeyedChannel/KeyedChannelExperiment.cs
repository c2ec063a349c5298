using Anc.Components;
using Anc.Scenarios;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Contoso.Anc.KeyedChannel;

/// <summary>One seed of the keyed channel: Alice and Bob step together, then the listener steps.</summary>
internal sealed class KeyedChannelExperiment : IExperiment
{
    private readonly KeyedChannelOptions _options;
    private readonly ExperimentContext _context;
    private readonly Party _eve;
    private readonly nn.Module<Tensor, Tensor> _alice;
    private readonly nn.Module<Tensor, Tensor> _bob;
    private readonly nn.Module<Tensor, Tensor> _listener;
    private readonly optim.Optimizer _aliceBobOptimizer;
    private readonly optim.Optimizer _listenerOptimizer;
    private readonly Generator _bits;

    public KeyedChannelExperiment(KeyedChannelOptions options, ExperimentContext context)
    {
        _options = options;
        _context = context;
        int n = options.Bits;
        _eve = context.GetParty("eve");
        _alice = context.GetParty("alice").Architecture.Build(new NetworkShape(2 * n, n)).to(context.Device);
        _bob = context.GetParty("bob").Architecture.Build(new NetworkShape(2 * n, n)).to(context.Device);
        _listener = NewListener();
        _aliceBobOptimizer = optim.Adam(_alice.parameters().Concat(_bob.parameters()), context.Training.LearningRate);
        _listenerOptimizer = optim.Adam(_listener.parameters(), context.Training.LearningRate);
        _bits = new Generator((ulong)context.Seed, context.Device);
    }

    public RoundResult TrainRound(long step)
    {
        using DisposeScope scope = NewDisposeScope();
        Tensor plaintext = Bits(), key = Bits();
        Tensor ciphertext = _alice.call(cat([plaintext, key], 1));
        Tensor bobGuess = _bob.call(cat([ciphertext, key], 1));
        Tensor listenerGuess = _listener.call(ciphertext);

        // Alice and Bob want Bob right and the listener no better than guessing zeros (error 1).
        Tensor bobLoss = _context.GetParty("bob").Loss.Compute(plaintext, bobGuess);
        Tensor listenerLoss = _eve.Loss.Compute(plaintext, listenerGuess);
        Tensor aliceBobLoss = bobLoss + (1 - listenerLoss).pow(2);
        _aliceBobOptimizer.zero_grad();
        aliceBobLoss.backward();
        _aliceBobOptimizer.step();

        for (int i = 0; i < _eve.Adversary!.StepsPerRound; i++)
        {
            TrainListener(_listener, _listenerOptimizer);
        }

        return new RoundResult(
            new Dictionary<string, double>
            {
                ["bob.bitsWrong"] = BitsWrong(plaintext, bobGuess),
                ["eve.bitsWrong"] = BitsWrong(plaintext, listenerGuess),
            },
            StopRequested: false);
    }

    public EvaluationResult Evaluate()
    {
        using DisposeScope scope = NewDisposeScope();
        double bob;
        using (no_grad())
        {
            Tensor plaintext = Bits(), key = Bits();
            bob = BitsWrong(plaintext, _bob.call(cat([_alice.call(cat([plaintext, key], 1)), key], 1)));
        }

        List<AdversaryTrial> trials = [];
        for (int i = 0; i < _options.FreshListeners; i++)
        {
            nn.Module<Tensor, Tensor> listener = NewListener();
            optim.Optimizer optimizer = optim.Adam(listener.parameters(), _context.Training.LearningRate);
            for (int step = 0; step < _options.FreshListenerSteps; step++)
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
                TrainListener(listener, optimizer);
            }

            using (no_grad())
            {
                Tensor plaintext = Bits(), key = Bits();
                double wrong = BitsWrong(plaintext, listener.call(_alice.call(cat([plaintext, key], 1))));
                trials.Add(new AdversaryTrial($"freshListener-{i}", wrong, _options.FreshListenerSteps, [new MetricPoint(_options.FreshListenerSteps, wrong)]));
            }
        }

        double best = trials.Min(t => t.Best);
        bool success = bob <= _options.BobMaxBitsWrong && best >= _options.ListenerMinBitsWrong;
        return new EvaluationResult(
            success,
            new Dictionary<string, double> { ["bob.bitsWrong"] = bob, ["bestListener.bitsWrong"] = best },
            trials,
            $"Bob gets {bob:F3} of {_options.Bits} bits wrong, the best fresh listener {best:F3}.");
    }

    public void SaveCheckpoint(string directory)
    {
        _alice.save(Path.Combine(directory, "alice.dat"));
        _bob.save(Path.Combine(directory, "bob.dat"));
        _listener.save(Path.Combine(directory, "eve.dat"));
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _listener.Dispose();
        _aliceBobOptimizer.Dispose();
        _listenerOptimizer.Dispose();
        _bits.Dispose();
    }

    private nn.Module<Tensor, Tensor> NewListener() =>
        _eve.Architecture.Build(new NetworkShape(_options.Bits * _eve.Adversary!.Observes.Count, _options.Bits)).to(_context.Device);

    private void TrainListener(nn.Module<Tensor, Tensor> listener, optim.Optimizer optimizer)
    {
        using DisposeScope scope = NewDisposeScope();
        Tensor plaintext = Bits(), key = Bits();
        Tensor ciphertext;
        using (no_grad())
        {
            ciphertext = _alice.call(cat([plaintext, key], 1));
        }

        optimizer.zero_grad();
        _eve.Loss.Compute(plaintext, listener.call(ciphertext)).backward();
        optimizer.step();
    }

    /// <summary>A batch of random bits as -1/+1.</summary>
    private Tensor Bits() =>
        randint(0, 2, [_context.Training.BatchSize, _options.Bits], ScalarType.Float32, _context.Device, generator: _bits) * 2 - 1;

    private static double BitsWrong(Tensor target, Tensor estimate)
    {
        using DisposeScope scope = NewDisposeScope();
        return ne(estimate.sign(), target).sum(1).to_type(ScalarType.Float32).mean().item<float>();
    }
}
