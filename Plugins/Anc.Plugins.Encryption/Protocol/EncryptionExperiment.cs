using Anc.Attacks;
using Anc.Components;
using Anc.Evaluation;
using Anc.Plugins.Encryption.Adversaries;
using Anc.Plugins.Encryption.Losses;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// One seed of an encryption experiment, whatever makes the ciphertext: the defenders train
/// together on the joint loss, Eve trains on her own minibatches after them, and afterwards
/// fresh Eves attack the frozen defenders. A scenario says how one batch is exchanged.
/// Its rounds have two timed phases: the defenders' steps, then Eve's; its evaluation's unit is one fresh Eve's step.
/// </summary>
internal abstract class EncryptionExperiment : IExperiment, IRoundTimings, IEvaluationWork, IAttackableExperiment
{
    private const string DataStateFile = "data.rng";

    private readonly EncryptionOptions _options;
    private readonly IReadOnlyList<(string File, nn.Module<Tensor, Tensor> Network)> _defenders;
    private readonly string _defendersOptimizerFile;
    private readonly Party _bob;
    private readonly Party _eve;
    private readonly nn.Module<Tensor, Tensor> _eveNetwork;
    private readonly Parameter[] _eveParameters;
    private readonly EncryptionFreshEves _eves;
    private readonly AdamOptimizer _defendersOptimizer;
    private readonly AdamOptimizer _eveOptimizer;
    private readonly BitSource _data;
    private readonly RoundPhaseClock _clock;
    private readonly int _eveInputWidth;
    private readonly bool _chosenPlaintext;

    /// <param name="options">The scenario's options.</param>
    /// <param name="context">The seed's context.</param>
    /// <param name="defenders">The defenders' networks, built (in this order) before Eve's, each with its checkpoint file.</param>
    /// <param name="eveInputWidth">How wide what Eve observes is.</param>
    /// <param name="defendersName">What the defenders are called together: their round phase, and their optimizer's checkpoint file.</param>
    protected EncryptionExperiment(
        EncryptionOptions options,
        ExperimentContext context,
        IReadOnlyList<(string File, nn.Module<Tensor, Tensor> Network)> defenders,
        int eveInputWidth,
        string defendersName)
    {
        _options = options;
        _eveInputWidth = eveInputWidth;
        Context = context;
        Bits = options.Bits;
        _defenders = defenders;
        _defendersOptimizerFile = $"{defendersName}.adam.dat";
        _clock = new RoundPhaseClock(defendersName, "eve");
        _bob = context.GetParty("bob");
        _eve = context.GetParty("eve");
        _chosenPlaintext = _eve.Adversary is EveAdversary { Game: EveGame.ChosenPlaintext };
        _eves = new EncryptionFreshEves(context, options.Evaluation, _eve, new NetworkShape(eveInputWidth, Bits));
        _eveNetwork = _eves.BuildEve();
        _eveParameters = _eveNetwork.parameters().ToArray();
        double rate = context.Training.LearningRate;
        _defendersOptimizer = new AdamOptimizer(defenders.SelectMany(d => d.Network.parameters()), rate);
        _eveOptimizer = new AdamOptimizer(_eveNetwork.parameters(), rate);
        _data = new BitSource(context.Seed, context.Device);
    }

    /// <summary>The seed's context.</summary>
    protected internal ExperimentContext Context { get; }

    /// <summary>N, the length of plaintext, keys and ciphertext.</summary>
    protected int Bits { get; }

    /// <summary>What Eve observes, in her order.</summary>
    protected IReadOnlyList<string> EveObserves => _eve.Adversary!.Observes;

    /// <summary>The defenders' networks, in the order they were built (seeds trained together stack them).</summary>
    internal IEnumerable<nn.Module<Tensor, Tensor>> DefenderNetworks => _defenders.Select(d => d.Network);

    /// <summary>Eve's network while the defenders train.</summary>
    internal nn.Module<Tensor, Tensor> EveNetwork => _eveNetwork;

    /// <summary>The defenders' optimizer, over <see cref="DefenderNetworks"/>' parameters in order.</summary>
    internal AdamOptimizer DefendersOptimizer => _defendersOptimizer;

    /// <summary>Eve's optimizer.</summary>
    internal AdamOptimizer EveOptimizer => _eveOptimizer;

    /// <summary>The seed's training bit stream.</summary>
    internal BitSource Data => _data;

    /// <summary>Bob's network.</summary>
    protected abstract nn.Module<Tensor, Tensor> BobNetwork { get; }

    public IReadOnlyList<string> Phases => _clock.Phases;

    public RoundResult TrainRound(long step)
    {
        using IDisposable scope = torch.NewDisposeScope();
        long phaseStarted = RoundPhaseClock.Start();
        int batch = Context.Training.BatchSize;
        Tensor bobBits = null!;
        Tensor eveBits = null!;
        Tensor loss = null!;
        ChosenPlaintextGame? game = null;
        Tensor eveGuess = null!;
        for (int i = 0; i < _options.AliceBobStepsPerRound; i++)
        {
            game = _chosenPlaintext ? ChosenPlaintextGame.Draw(_data, batch, Bits) : null;
            (Tensor plaintext, Tensor bobInput, Tensor eveInput) = Exchange(_data, game?.Encrypted ?? _data.Next(batch, Bits));
            bobBits = _bob.Loss.Compute(plaintext, BobNetwork.forward(bobInput));
            // The defenders need the gradient through Eve, not Eve's own: her weights sit out this pass.
            EveTraining.SetTrainable(_eveParameters, false);
            eveGuess = _eveNetwork.forward(eveInput);
            eveBits = _eve.Loss.Compute(plaintext, eveGuess);
            loss = game is null ? AliceBobLoss.Compute(bobBits, eveBits, Bits) : bobBits + ChosenPlaintextGame.DefendersTerm(game.Loss(eveGuess));
            _defendersOptimizer.ZeroGrad();
            loss.backward();
            EveTraining.SetTrainable(_eveParameters, true);
            _defendersOptimizer.Step();
        }

        phaseStarted = _clock.Add(0, phaseStarted);
        Tensor? eveTraining = null;
        for (int i = 0; i < _eve.Adversary!.StepsPerRound; i++)
        {
            // As in the defenders' step: the game's pair and coin, or a plaintext, then its observation.
            ChosenPlaintextGame? training = _chosenPlaintext ? ChosenPlaintextGame.Draw(_data, batch, Bits) : null;
            Tensor plaintext = training?.Encrypted ?? _data.Next(batch, Bits);
            Tensor input = Observe(_data, plaintext);
            eveTraining = EveTraining.Step(_eveNetwork, _eveOptimizer, guess => training?.Loss(guess) ?? _eve.Loss.Compute(plaintext, guess), input);
        }

        _clock.Add(1, phaseStarted);
        RoundResult round = EncryptionFigures.Round(step, bobBits, eveBits, loss, game is null ? eveTraining : null, Bits, _options.Stopping);
        return game is null ? round : EncryptionFigures.WithGame(round, game.Advantage(eveGuess), eveTraining);
    }

    public TimeSpan Elapsed(int phase) => _clock.Elapsed(phase);

    public string EvaluationUnit => "fresh-Eve step";

    // The held-out measurements every measureEvery steps are not counted: one forward pass each.
    public long EvaluationUnits => (long)_options.Evaluation.FreshEves * _options.Evaluation.Steps;

    public int RunEvaluationUnits(int count) => _eves.TrainSteps(Eavesdrop, count);

    public EvaluationResult Evaluate()
    {
        using IDisposable scope = torch.NewDisposeScope();
        (Tensor Plaintext, Tensor BobInput, Tensor EveInput) heldOut = Exchanged(EvaluationStreams.HeldOut, _options.Evaluation.HeldOutExamples);
        (Tensor Plaintext, Tensor BobInput, Tensor EveInput) validation = Exchanged(EvaluationStreams.Validation, _options.Evaluation.ValidationExamples);
        double bob = EveTraining.BitsWrong(BobNetwork, heldOut.BobInput, heldOut.Plaintext);
        double eve = EveTraining.BitsWrong(_eveNetwork, heldOut.EveInput, heldOut.Plaintext);
        IReadOnlyList<AdversaryTrial> trials = _eves.Evaluate(Eavesdrop, (validation.EveInput, validation.Plaintext), (heldOut.EveInput, heldOut.Plaintext));
        return EncryptionFigures.Evaluation(bob, eve, trials, EveObserves, Bits, _options.Success);
    }

    public void SaveCheckpoint(string directory)
    {
        foreach ((string file, nn.Module<Tensor, Tensor> network) in _defenders)
        {
            network.save(Path.Combine(directory, file));
        }

        _eveNetwork.save(Path.Combine(directory, EncryptionFootprint.CheckpointFile("eve")));
        _defendersOptimizer.Save(Path.Combine(directory, _defendersOptimizerFile));
        _eveOptimizer.Save(Path.Combine(directory, "eve.adam.dat"));
        _data.SaveState(Path.Combine(directory, DataStateFile));
    }

    public void RestoreCheckpoint(string directory)
    {
        foreach ((string file, nn.Module<Tensor, Tensor> network) in _defenders)
        {
            network.load(Path.Combine(directory, file));
        }

        _eveNetwork.load(Path.Combine(directory, EncryptionFootprint.CheckpointFile("eve")));
        _defendersOptimizer.Load(Path.Combine(directory, _defendersOptimizerFile));
        _eveOptimizer.Load(Path.Combine(directory, "eve.adam.dat"));
        _data.RestoreState(Path.Combine(directory, DataStateFile));
    }

    public void Dispose()
    {
        _data.Dispose();
        _defendersOptimizer.Dispose();
        _eveOptimizer.Dispose();
        foreach ((_, nn.Module<Tensor, Tensor> network) in _defenders)
        {
            network.Dispose();
        }

        _eveNetwork.Dispose();
    }

    public ICipherTarget CreateTarget(long keySeed) => new EncryptionTarget(this, keySeed, Bits, _eveInputWidth);

    /// <summary>What Eve observes of <paramref name="plaintext"/>, encrypted under fresh keys from <paramref name="keys"/> by the frozen defenders.</summary>
    internal Tensor Observe(BitSource keys, Tensor plaintext)
    {
        using IDisposable noGrad = torch.no_grad();
        return Exchange(keys, plaintext).EveInput;
    }

    /// <summary>
    /// One batch of the protocol for <paramref name="plaintext"/> (<c>[batch, N]</c>), its keys
    /// (and anything else random) drawn from <paramref name="data"/>: the plaintext, what Bob gets
    /// and what Eve observes. Called with gradients for the defenders' step and without otherwise.
    /// </summary>
    protected abstract (Tensor Plaintext, Tensor BobInput, Tensor EveInput) Exchange(BitSource data, Tensor plaintext);

    /// <summary>A fixed set of <paramref name="examples"/> exchanged by the frozen defenders, drawn from the seed's stream at <paramref name="offset"/>.</summary>
    private (Tensor Plaintext, Tensor BobInput, Tensor EveInput) Exchanged(long offset, int examples)
    {
        using BitSource source = new(Context.Seed + offset, Context.Device);
        using IDisposable noGrad = torch.no_grad();
        return Exchange(source, source.Next(examples, Bits));
    }

    /// <summary>What Eve sees of a fresh batch, made by the frozen defenders, and the plaintext.</summary>
    private (Tensor Input, Tensor Plaintext) Eavesdrop(BitSource data, int batch)
    {
        using IDisposable noGrad = torch.no_grad();
        (Tensor plaintext, _, Tensor eveInput) = Exchange(data, data.Next(batch, Bits));
        return (eveInput, plaintext);
    }
}
