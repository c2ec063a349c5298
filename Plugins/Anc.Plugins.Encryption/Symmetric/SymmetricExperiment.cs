using Anc.Components;
using Anc.Observers;
using Anc.Plugins.Encryption.Losses;
using Anc.Scenarios;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Symmetric;

/// <summary>
/// One seed of the symmetric experiment: Alice and Bob train together on the joint loss, Eve
/// trains on her own minibatches after them; afterwards fresh Eves attack the frozen Alice.
/// </summary>
internal sealed class SymmetricExperiment : IExperiment
{
    // Offsets that keep the seed's random streams apart: training data, held-out data, fresh Eves.
    private const long HeldOutStream = 0x5EED_0001;
    private const long FreshEveStream = 0x5EED_1000;

    // Every reported figure is in bits wrong, whatever losses the parties train with.
    private static readonly L1BitsLoss BitsWrong = new();

    private readonly SymmetricOptions _options;
    private readonly ExperimentContext _context;
    private readonly int _bits;
    private readonly Party _alice;
    private readonly Party _bob;
    private readonly Party _eve;
    private readonly IAdversary _eveAdversary;
    private readonly nn.Module<Tensor, Tensor> _aliceNetwork;
    private readonly nn.Module<Tensor, Tensor> _bobNetwork;
    private readonly nn.Module<Tensor, Tensor> _eveNetwork;
    private readonly Parameter[] _eveParameters;
    private readonly Adam _aliceBobOptimizer;
    private readonly Adam _eveOptimizer;
    private readonly BitSource _data;

    public SymmetricExperiment(SymmetricOptions options, ExperimentContext context)
    {
        _options = options;
        _context = context;
        _bits = options.Bits;
        _alice = context.GetParty("alice");
        _bob = context.GetParty("bob");
        _eve = context.GetParty("eve");
        _eveAdversary = _eve.Adversary!;
        _aliceNetwork = _alice.Architecture.Build(new NetworkShape(2 * _bits, _bits)).to(context.Device);
        _bobNetwork = _bob.Architecture.Build(new NetworkShape(2 * _bits, _bits)).to(context.Device);
        _eveNetwork = BuildEve();
        _eveParameters = _eveNetwork.parameters().ToArray();
        double rate = context.Training.LearningRate;
        _aliceBobOptimizer = optim.Adam(_aliceNetwork.parameters().Concat(_bobNetwork.parameters()), rate);
        _eveOptimizer = optim.Adam(_eveNetwork.parameters(), rate);
        _data = new BitSource(context.Seed, context.Device);
    }

    public RoundResult TrainRound(long step)
    {
        using IDisposable scope = torch.NewDisposeScope();
        int batch = _context.Training.BatchSize;
        Tensor bobBits = null!;
        Tensor eveBits = null!;
        Tensor loss = null!;
        for (int i = 0; i < _options.AliceBobStepsPerRound; i++)
        {
            Tensor plaintext = _data.Next(batch, _bits);
            Tensor key = _data.Next(batch, _bits);
            Tensor ciphertext = _aliceNetwork.forward(torch.cat([plaintext, key], 1));
            bobBits = _bob.Loss.Compute(plaintext, _bobNetwork.forward(torch.cat([ciphertext, key], 1)));
            // Alice needs the gradient through Eve, not Eve's own: her weights sit out this backward pass.
            SetEveTrainable(false);
            eveBits = _eve.Loss.Compute(plaintext, _eveNetwork.forward(ciphertext));
            loss = AliceBobLoss.Compute(bobBits, eveBits, _bits);
            _aliceBobOptimizer.zero_grad();
            loss.backward();
            SetEveTrainable(true);
            _aliceBobOptimizer.step();
        }

        Tensor? eveTrainingBits = null;
        for (int i = 0; i < _eveAdversary.StepsPerRound; i++)
        {
            eveTrainingBits = TrainEveStep(_eveNetwork, _eveOptimizer, _data, batch);
        }

        double bob = bobBits.item<float>();
        double eve = eveBits.item<float>();
        Dictionary<string, double> metrics = new()
        {
            ["bob.bitsWrong"] = bob,
            ["eve.bitsWrong"] = eve,
            ["aliceBob.loss"] = loss.item<float>(),
        };
        if (eveTrainingBits is not null)
        {
            metrics["eve.trainingBitsWrong"] = eveTrainingBits.item<float>();
        }

        StoppingOptions stopping = _options.Stopping;
        bool stop = stopping.Enabled && step >= stopping.MinSteps
            && bob <= stopping.BobMaxBitsWrong
            && eve >= _bits / 2.0 - stopping.EveBitsFromChance;
        return new RoundResult(metrics, stop);
    }

    public EvaluationResult Evaluate()
    {
        EvaluationOptions evaluation = _options.Evaluation;
        using BitSource heldOutSource = new(_context.Seed + HeldOutStream, _context.Device);
        using Tensor plaintext = heldOutSource.Next(evaluation.HeldOutExamples, _bits);
        using Tensor key = heldOutSource.Next(evaluation.HeldOutExamples, _bits);
        using Tensor ciphertext = Encrypt(plaintext, key);

        using Tensor bobInput = torch.cat([ciphertext, key], 1);
        double bob = Measure(_bobNetwork, bobInput, plaintext);
        double eve = Measure(_eveNetwork, ciphertext, plaintext);

        List<AdversaryTrial> trials = [];
        long total = (long)evaluation.FreshEves * evaluation.Steps;
        for (int i = 0; i < evaluation.FreshEves; i++)
        {
            trials.Add(TrainFreshEve(i, ciphertext, plaintext, total));
        }

        double best = trials.Min(t => t.Best);
        SuccessOptions success = _options.Success;
        bool bobOk = bob <= success.BobMaxErrorRate * _bits;
        bool eveOk = best >= success.FreshEveMinErrorRate * _bits;
        string verdict =
            $"Bob {bob:0.###} of {_bits} bits wrong ({(bobOk ? "at most" : "more than")} {success.BobMaxErrorRate * _bits:0.###}); " +
            $"best of {evaluation.FreshEves} fresh Eves {best:0.###} bits wrong ({(eveOk ? "at least" : "fewer than")} {success.FreshEveMinErrorRate * _bits:0.###}; chance is {_bits / 2.0:0.#}).";
        Dictionary<string, double> metrics = new()
        {
            ["bits"] = _bits,
            ["bob.bitsWrong"] = bob,
            ["eve.bitsWrong"] = eve,
            ["freshEve.bestBitsWrong"] = best,
            ["freshEve.meanBitsWrong"] = trials.Average(t => t.Best),
        };
        return new EvaluationResult(bobOk && eveOk, metrics, trials, verdict);
    }

    public void SaveCheckpoint(string directory)
    {
        _aliceNetwork.save(Path.Combine(directory, "alice.dat"));
        _bobNetwork.save(Path.Combine(directory, "bob.dat"));
        _eveNetwork.save(Path.Combine(directory, "eve.dat"));
        _aliceBobOptimizer.save_state_dict(Path.Combine(directory, "alice-bob.adam.dat"));
        _eveOptimizer.save_state_dict(Path.Combine(directory, "eve.adam.dat"));
    }

    public void Dispose()
    {
        _data.Dispose();
        _aliceBobOptimizer.Dispose();
        _eveOptimizer.Dispose();
        _aliceNetwork.Dispose();
        _bobNetwork.Dispose();
        _eveNetwork.Dispose();
    }

    private void SetEveTrainable(bool trainable)
    {
        foreach (Parameter parameter in _eveParameters)
        {
            parameter.requires_grad = trainable;
        }
    }

    private nn.Module<Tensor, Tensor> BuildEve() =>
        _eve.Architecture.Build(new NetworkShape(_eveAdversary.Observes.Count * _bits, _bits)).to(_context.Device);

    private Tensor Encrypt(Tensor plaintext, Tensor key)
    {
        using IDisposable noGrad = torch.no_grad();
        return _aliceNetwork.forward(torch.cat([plaintext, key], 1));
    }

    private Tensor TrainEveStep(nn.Module<Tensor, Tensor> eve, Adam optimizer, BitSource data, int batch)
    {
        Tensor plaintext = data.Next(batch, _bits);
        Tensor key = data.Next(batch, _bits);
        Tensor ciphertext = Encrypt(plaintext, key);
        Tensor bits = _eve.Loss.Compute(plaintext, eve.forward(ciphertext));
        optimizer.zero_grad();
        bits.backward();
        optimizer.step();
        return bits;
    }

    private AdversaryTrial TrainFreshEve(int index, Tensor ciphertext, Tensor plaintext, long total)
    {
        EvaluationOptions evaluation = _options.Evaluation;
        torch.random.manual_seed(_context.Seed + FreshEveStream + index);
        using nn.Module<Tensor, Tensor> eve = BuildEve();
        using Adam optimizer = optim.Adam(eve.parameters(), _context.Training.LearningRate);
        using BitSource data = new(_context.Seed + FreshEveStream + index, _context.Device);
        List<MetricPoint> history = [];
        for (int step = 1; step <= evaluation.Steps; step++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            using (torch.NewDisposeScope())
            {
                TrainEveStep(eve, optimizer, data, _context.Training.BatchSize);
            }

            if (step % evaluation.MeasureEvery == 0 || step == evaluation.Steps)
            {
                double measured = Measure(eve, ciphertext, plaintext);
                history.Add(new MetricPoint(step, measured));
                _context.Progress.Report(new MetricEvent(
                    _context.Seed,
                    MetricPhase.Evaluation,
                    (long)index * evaluation.Steps + step,
                    total,
                    new Dictionary<string, double> { [$"freshEve{index + 1}.bitsWrong"] = measured }));
            }
        }

        return new AdversaryTrial($"freshEve-{index + 1}", history.Min(p => p.Value), evaluation.Steps, history);
    }

    // The scope frees only what the measurement creates; the held-out tensors belong to the caller.
    private static double Measure(nn.Module<Tensor, Tensor> network, Tensor input, Tensor plaintext)
    {
        using IDisposable scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        return BitsWrong.Compute(plaintext, network.forward(input)).item<float>();
    }
}
