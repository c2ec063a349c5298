using Anc.Components;
using Anc.Evaluation;
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
        using Generator heldOutStream = new((ulong)(context.Seed + EvaluationStreams.HeldOut), context.Device);
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
            TrainEveStep(_eveNetwork, _eveOptimizer, _trainingStream);
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
        IReadOnlyList<AdversaryTrial> trials = FreshEves(blindEve);
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

    /// <summary>The file of a checkpoint that holds <paramref name="party"/>'s weights.</summary>
    internal static string CheckpointFile(string party) => $"{party}.dat";

    public void SaveCheckpoint(string directory)
    {
        _aliceNetwork.save(Path.Combine(directory, CheckpointFile("alice")));
        _bobNetwork.save(Path.Combine(directory, CheckpointFile("bob")));
        _eveNetwork.save(Path.Combine(directory, CheckpointFile("eve")));
        _aliceBobOptimizer.Save(Path.Combine(directory, "alice-bob.adam.dat"));
        _eveOptimizer.Save(Path.Combine(directory, "eve.adam.dat"));
        using Tensor stream = _trainingStream.get_state();
        torch.save(stream, Path.Combine(directory, TrainingStreamFile));
    }

    public void RestoreCheckpoint(string directory)
    {
        _aliceNetwork.load(Path.Combine(directory, CheckpointFile("alice")));
        _bobNetwork.load(Path.Combine(directory, CheckpointFile("bob")));
        _eveNetwork.load(Path.Combine(directory, CheckpointFile("eve")));
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

    private void TrainEveStep(nn.Module<Tensor, Tensor> eve, AdamOptimizer optimizer, Generator stream)
    {
        (Tensor observed, Tensor c) = EveTrainingBatch(stream);
        Tensor error = _eve.Loss.Compute(c, eve.forward(observed));
        optimizer.ZeroGrad();
        error.backward();
        optimizer.Step();
    }

    /// <summary>
    /// Trains the fresh Eves and measures them (<see cref="FreshEveEvaluation"/>), one after
    /// another: the data generator and the losses are plugins' code, which may convert scalars
    /// (see <see cref="TorchWorkers"/>).
    /// </summary>
    private IReadOnlyList<AdversaryTrial> FreshEves(double blindEveOnHeldOut)
    {
        EvaluationOptions evaluation = _options.Evaluation;
        using Generator validationStream = new((ulong)(_context.Seed + EvaluationStreams.Validation), _context.Device);
        using Examples validation = Draw(evaluation.ValidationExamples, validationStream);
        using Tensor validationObserved = Observation(validation);
        using Tensor heldOutObserved = Observation(_heldOut);
        double blindEveOnValidation;
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            blindEveOnValidation = SquaredError.Compute(validation.C, _blindEveGuess.expand_as(validation.C)).item<float>();
        }

        EveExamples validationSet = new(validationObserved, validation.C, blindEveOnValidation);
        EveExamples heldOutSet = new(heldOutObserved, _heldOut.C, blindEveOnHeldOut);
        List<SelectiveProtectionEveGroup> eves = [];
        try
        {
            for (int index = 0; index < evaluation.FreshEves; index++)
            {
                long seed = _context.Seed + EvaluationStreams.FreshEves + index;
                torch.random.manual_seed(seed);
                nn.Module<Tensor, Tensor> network = BuildEve();
                eves.Add(new SelectiveProtectionEveGroup(
                    index, network, new Generator((ulong)seed, _context.Device), _context.Training.LearningRate, EveTrainingBatch, _eve.Loss.Compute, validationSet, heldOutSet));
            }

            return new FreshEveEvaluation(evaluation, SelectiveProtectionEveGroup.Figure, FreshEveEvaluation.SeedProgress(_context))
                .Run(eves, threads: 1, _context.CancellationToken);
        }
        finally
        {
            eves.ForEach(eve => eve.Dispose());
        }
    }

    /// <summary>A batch for Eve's training from <paramref name="stream"/>, encrypted by Alice without gradients: what Eve observes, and C.</summary>
    private (Tensor Observed, Tensor C) EveTrainingBatch(Generator stream)
    {
        Examples examples = Draw(_context.Training.BatchSize, stream);
        using IDisposable noGrad = torch.no_grad();
        (Tensor dPublic, Tensor ciphertext) = Encrypt(examples);
        return (Observed(dPublic, ciphertext), examples.C);
    }

    /// <summary>What Eve observes of <paramref name="examples"/>, encrypted by Alice; the caller frees it.</summary>
    private Tensor Observation(Examples examples)
    {
        using IDisposable noGrad = torch.no_grad();
        using IDisposable scope = torch.NewDisposeScope();
        (Tensor dPublic, Tensor ciphertext) = Encrypt(examples);
        return Observed(dPublic, ciphertext).MoveToOuterDisposeScope();
    }
}
