using Anc.Components;
using Anc.Observers;
using Anc.Plugins.SelectiveProtection.Data;
using Anc.Plugins.SelectiveProtection.Losses;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// One seed of selective protection: Alice and Bob train together on their joint loss, Eve
/// trains on her own minibatches after them; afterwards fresh Eves attack the frozen Alice.
/// Blind Eve always guesses C's mean, estimated on held-out examples drawn at the start.
/// Its rounds have two timed phases: Alice and Bob's steps, then Eve's.
/// </summary>
internal sealed class SelectiveProtectionExperiment : IExperiment, IRoundTimings
{
    // Offsets that keep the seed's random streams apart: training data, held-out data, fresh Eves.
    private const long HeldOutStream = 0x5EED_0001;
    private const long FreshEveStream = 0x5EED_1000;
    private const string TrainingStreamFile = "training.rng";

    // Every reported figure is a mean squared error, whatever losses the parties train with.
    private static readonly SquaredErrorLoss SquaredError = new();

    private readonly SelectiveProtectionOptions _options;
    private readonly ExperimentContext _context;
    private readonly IDataGenerator _data;
    private readonly int _dWidth;
    private readonly NetworkShapes _shapes;
    private readonly Party _alice;
    private readonly Party _bob;
    private readonly Party _eve;
    private readonly IAdversary _eveAdversary;
    private readonly nn.Module<Tensor, Tensor> _aliceNetwork;
    private readonly nn.Module<Tensor, Tensor> _bobNetwork;
    private readonly nn.Module<Tensor, Tensor> _eveNetwork;
    private readonly Parameter[] _eveParameters;
    private readonly AdamOptimizer _aliceBobOptimizer;
    private readonly AdamOptimizer _eveOptimizer;
    private readonly Generator _trainingStream;
    private readonly Examples _heldOut;
    private readonly Tensor _blindEveGuess;
    private readonly RoundPhaseClock _clock = new("alice-bob", "eve");

    public SelectiveProtectionExperiment(SelectiveProtectionOptions options, ExperimentContext context)
    {
        _options = options;
        _context = context;
        _data = context.Data ?? throw new InvalidOperationException($"Scenario '{SelectiveProtectionScenario.Name}' needs a data generator.");
        string[] missing = new[] { CorrelatedGaussianGenerator.A, CorrelatedGaussianGenerator.B, CorrelatedGaussianGenerator.C, CorrelatedGaussianGenerator.D }
            .Where(f => !_data.Fields.ContainsKey(f)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"Scenario '{SelectiveProtectionScenario.Name}' needs data fields a, b, c and d; the data generator lacks {string.Join(", ", missing)}.");
        }

        _dWidth = _data.Fields[CorrelatedGaussianGenerator.D];
        _shapes = new NetworkShapes(options, _data.Fields);
        _alice = context.GetParty("alice");
        _bob = context.GetParty("bob");
        _eve = context.GetParty("eve");
        _eveAdversary = _eve.Adversary!;
        _aliceNetwork = _alice.Architecture.Build(_shapes.Alice).to(context.Device);
        _bobNetwork = _bob.Architecture.Build(_shapes.Bob).to(context.Device);
        _eveNetwork = BuildEve();
        _eveParameters = _eveNetwork.parameters().ToArray();
        double rate = context.Training.LearningRate;
        _aliceBobOptimizer = new AdamOptimizer(_aliceNetwork.parameters().Concat(_bobNetwork.parameters()), rate);
        _eveOptimizer = new AdamOptimizer(_eveNetwork.parameters(), rate);
        _trainingStream = new Generator((ulong)context.Seed, context.Device);
        using Generator heldOutStream = new((ulong)(context.Seed + HeldOutStream), context.Device);
        _heldOut = Draw(options.Evaluation.HeldOutExamples, heldOutStream);
        _blindEveGuess = _heldOut.C.mean([0], keepdim: true);
    }

    public IReadOnlyList<string> Phases => _clock.Phases;

    public RoundResult TrainRound(long step)
    {
        using IDisposable scope = torch.NewDisposeScope();
        long phaseStarted = RoundPhaseClock.Start();
        int batch = _context.Training.BatchSize;
        Examples examples = null!;
        Exchange exchange = null!;
        Tensor loss = null!;
        for (int i = 0; i < _options.AliceBobStepsPerRound; i++)
        {
            examples = Draw(batch, _trainingStream);
            exchange = Send(examples);
            Tensor bobError = _bob.Loss.Compute(examples.D, exchange.Bob);
            Tensor publicError = _alice.Loss.Compute(examples.D, exchange.DPublic);
            // Alice needs the gradient through Eve, not Eve's own: her weights sit out this backward pass.
            SetEveTrainable(false);
            Tensor eveError = _eve.Loss.Compute(examples.C, exchange.Eve);
            Tensor blindEveError = _eve.Loss.Compute(examples.C, _blindEveGuess.expand_as(examples.C));
            loss = AliceBobLoss.Compute(bobError, publicError, eveError, blindEveError, _options.AdversaryWeight);
            _aliceBobOptimizer.ZeroGrad();
            loss.backward();
            SetEveTrainable(true);
            _aliceBobOptimizer.Step();
        }

        phaseStarted = _clock.Add(0, phaseStarted);
        for (int i = 0; i < _eveAdversary.StepsPerRound; i++)
        {
            TrainEveStep(_eveNetwork, _eveOptimizer, _trainingStream, batch);
        }

        _clock.Add(1, phaseStarted);

        Dictionary<string, double> metrics = Figures(examples, exchange);
        metrics["aliceBob.loss"] = loss.item<float>();
        return new RoundResult(metrics, StopRequested: false);
    }

    public TimeSpan Elapsed(int phase) => _clock.Elapsed(phase);

    public EvaluationResult Evaluate()
    {
        EvaluationOptions evaluation = _options.Evaluation;
        Dictionary<string, double> metrics;
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            metrics = Figures(_heldOut, Send(_heldOut));
        }

        double blindEve = metrics["blindEve.cError"];
        List<AdversaryTrial> trials = [];
        long total = (long)evaluation.FreshEves * evaluation.Steps;
        for (int i = 0; i < evaluation.FreshEves; i++)
        {
            trials.Add(TrainFreshEve(i, blindEve, total));
        }

        double best = trials.Max(t => t.Best);
        metrics["freshEve.bestAdvantage"] = best;
        metrics["freshEve.meanAdvantage"] = trials.Average(t => t.Best);

        double bob = metrics["bob.dError"];
        double dPublic = metrics["dPublic.dError"];
        double tolerance = _options.Success.MaxAdvantageShare * blindEve;
        bool bobOk = bob < dPublic;
        bool eveOk = best <= tolerance;
        string verdict =
            $"Bob's error on D {bob:0.####} ({(bobOk ? "below" : "not below")} D-public's {dPublic:0.####}); " +
            $"best of {evaluation.FreshEves} fresh Eves {best:0.####} better than Blind Eve's {blindEve:0.####} on C " +
            $"({(eveOk ? "within" : "beyond")} the tolerance {tolerance:0.####}).";
        return new EvaluationResult(bobOk && eveOk, metrics, trials, verdict);
    }

    public void SaveCheckpoint(string directory)
    {
        _aliceNetwork.save(Path.Combine(directory, "alice.dat"));
        _bobNetwork.save(Path.Combine(directory, "bob.dat"));
        _eveNetwork.save(Path.Combine(directory, "eve.dat"));
        _aliceBobOptimizer.Save(Path.Combine(directory, "alice-bob.adam.dat"));
        _eveOptimizer.Save(Path.Combine(directory, "eve.adam.dat"));
        using Tensor stream = _trainingStream.get_state();
        torch.save(stream, Path.Combine(directory, TrainingStreamFile));
    }

    public void RestoreCheckpoint(string directory)
    {
        _aliceNetwork.load(Path.Combine(directory, "alice.dat"));
        _bobNetwork.load(Path.Combine(directory, "bob.dat"));
        _eveNetwork.load(Path.Combine(directory, "eve.dat"));
        _aliceBobOptimizer.Load(Path.Combine(directory, "alice-bob.adam.dat"));
        _eveOptimizer.Load(Path.Combine(directory, "eve.adam.dat"));
        using Tensor stream = torch.load(Path.Combine(directory, TrainingStreamFile));
        _trainingStream.set_state(stream);
    }

    public void Dispose()
    {
        _blindEveGuess.Dispose();
        _heldOut.Dispose();
        _trainingStream.Dispose();
        _aliceBobOptimizer.Dispose();
        _eveOptimizer.Dispose();
        _aliceNetwork.Dispose();
        _bobNetwork.Dispose();
        _eveNetwork.Dispose();
    }

    private Dictionary<string, double> Figures(Examples examples, Exchange exchange)
    {
        using IDisposable noGrad = torch.no_grad();
        double eve = SquaredError.Compute(examples.C, exchange.Eve).item<float>();
        double blindEve = SquaredError.Compute(examples.C, _blindEveGuess.expand_as(examples.C)).item<float>();
        return new Dictionary<string, double>
        {
            ["bob.dError"] = SquaredError.Compute(examples.D, exchange.Bob).item<float>(),
            ["dPublic.dError"] = SquaredError.Compute(examples.D, exchange.DPublic).item<float>(),
            ["eve.cError"] = eve,
            ["blindEve.cError"] = blindEve,
            ["eve.advantage"] = blindEve - eve,
        };
    }

    private Examples Draw(int batch, Generator stream)
    {
        IReadOnlyDictionary<string, Tensor> fields = _data.Sample(batch, stream, _context.Device);
        Tensor key = torch.randn([batch, _options.KeyWidth], dtype: ScalarType.Float32, device: _context.Device, generator: stream);
        return new Examples(
            fields[CorrelatedGaussianGenerator.A], fields[CorrelatedGaussianGenerator.B], fields[CorrelatedGaussianGenerator.C], fields[CorrelatedGaussianGenerator.D], key);
    }

    private (Tensor DPublic, Tensor Ciphertext) Encrypt(Examples examples)
    {
        Tensor output = _aliceNetwork.forward(torch.cat([examples.A, examples.B, examples.C, examples.Key], 1));
        return (output[.., .._dWidth], output[.., _dWidth..]);
    }

    private Exchange Send(Examples examples)
    {
        (Tensor dPublic, Tensor ciphertext) = Encrypt(examples);
        Tensor bob = _bobNetwork.forward(torch.cat([dPublic, ciphertext, examples.Key], 1));
        return new Exchange(dPublic, ciphertext, bob, _eveNetwork.forward(Observed(dPublic, ciphertext)));
    }

    private Tensor Observed(Tensor dPublic, Tensor ciphertext) =>
        torch.cat(_eveAdversary.Observes.Select(s => s == SelectiveProtectionScenario.DPublic ? dPublic : ciphertext).ToArray(), 1);

    private void SetEveTrainable(bool trainable)
    {
        foreach (Parameter parameter in _eveParameters)
        {
            parameter.requires_grad = trainable;
        }
    }

    private nn.Module<Tensor, Tensor> BuildEve() => _eve.Architecture.Build(_shapes.Eve(_eveAdversary.Observes)).to(_context.Device);

    private void TrainEveStep(nn.Module<Tensor, Tensor> eve, AdamOptimizer optimizer, Generator stream, int batch)
    {
        Examples examples = Draw(batch, stream);
        Tensor observed;
        using (torch.no_grad())
        {
            (Tensor dPublic, Tensor ciphertext) = Encrypt(examples);
            observed = Observed(dPublic, ciphertext);
        }

        Tensor error = _eve.Loss.Compute(examples.C, eve.forward(observed));
        optimizer.ZeroGrad();
        error.backward();
        optimizer.Step();
    }

    private AdversaryTrial TrainFreshEve(int index, double blindEve, long total)
    {
        EvaluationOptions evaluation = _options.Evaluation;
        torch.random.manual_seed(_context.Seed + FreshEveStream + index);
        using nn.Module<Tensor, Tensor> eve = BuildEve();
        using AdamOptimizer optimizer = new(eve.parameters(), _context.Training.LearningRate);
        using Generator stream = new((ulong)(_context.Seed + FreshEveStream + index), _context.Device);
        using Tensor observed = HeldOutObservation();
        List<MetricPoint> history = [];
        for (int step = 1; step <= evaluation.Steps; step++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            using (torch.NewDisposeScope())
            {
                TrainEveStep(eve, optimizer, stream, _context.Training.BatchSize);
            }

            TorchGarbage.CollectAfter(step);
            if (step % evaluation.MeasureEvery == 0 || step == evaluation.Steps)
            {
                double advantage = blindEve - Measure(eve, observed, _heldOut.C);
                history.Add(new MetricPoint(step, advantage));
                _context.Progress.Report(new MetricEvent(
                    _context.Seed,
                    MetricPhase.Evaluation,
                    (long)index * evaluation.Steps + step,
                    total,
                    new Dictionary<string, double> { [$"freshEve{index + 1}.advantage"] = advantage }));
            }
        }

        return new AdversaryTrial($"freshEve-{index + 1}", history.Max(p => p.Value), evaluation.Steps, history);
    }

    private Tensor HeldOutObservation()
    {
        using IDisposable noGrad = torch.no_grad();
        using IDisposable scope = torch.NewDisposeScope();
        (Tensor dPublic, Tensor ciphertext) = Encrypt(_heldOut);
        return Observed(dPublic, ciphertext).MoveToOuterDisposeScope();
    }

    // The scope frees only what the measurement creates; the held-out tensors belong to the caller.
    private static double Measure(nn.Module<Tensor, Tensor> eve, Tensor observed, Tensor c)
    {
        using IDisposable scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        return SquaredError.Compute(c, eve.forward(observed)).item<float>();
    }
}
