using Anc.Components;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
using Anc.Scenarios;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.PublicKey;

/// <summary>
/// One seed of the public-key experiment. The key generator, Alice and Bob train together on
/// the symmetric experiment's joint loss; Eve trains on her own minibatches after them;
/// afterwards fresh Eves attack the frozen key generator and Alice.
/// </summary>
internal sealed class PublicKeyExperiment : IExperiment
{
    private readonly PublicKeyOptions _options;
    private readonly ExperimentContext _context;
    private readonly int _bits;
    private readonly Party _bob;
    private readonly Party _eve;
    private readonly IReadOnlyList<string> _eveObserves;
    private readonly nn.Module<Tensor, Tensor> _keyGenerator;
    private readonly nn.Module<Tensor, Tensor> _alice;
    private readonly nn.Module<Tensor, Tensor> _bobNetwork;
    private readonly nn.Module<Tensor, Tensor> _eveNetwork;
    private readonly Parameter[] _eveParameters;
    private readonly FreshEveTrainer _eves;
    private readonly Adam _defendersOptimizer;
    private readonly Adam _eveOptimizer;
    private readonly BitSource _data;

    public PublicKeyExperiment(PublicKeyOptions options, ExperimentContext context)
    {
        _options = options;
        _context = context;
        _bits = options.Bits;
        _bob = context.GetParty("bob");
        _eve = context.GetParty("eve");
        _eveObserves = _eve.Adversary!.Observes;
        _keyGenerator = context.GetParty("keyGenerator").Architecture.Build(new NetworkShape(_bits, _bits)).to(context.Device);
        _alice = context.GetParty("alice").Architecture.Build(new NetworkShape(2 * _bits, _bits)).to(context.Device);
        _bobNetwork = _bob.Architecture.Build(new NetworkShape(2 * _bits, _bits)).to(context.Device);
        _eves = new FreshEveTrainer(context, options.Evaluation, _eve, new NetworkShape(EveInputWidth(), _bits));
        _eveNetwork = _eves.BuildEve();
        _eveParameters = _eveNetwork.parameters().ToArray();
        double rate = context.Training.LearningRate;
        _defendersOptimizer = optim.Adam(_keyGenerator.parameters().Concat(_alice.parameters()).Concat(_bobNetwork.parameters()), rate);
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
            Tensor privateKey = _data.Next(batch, _bits);
            Tensor publicKey = _keyGenerator.forward(privateKey);
            Tensor ciphertext = _alice.forward(torch.cat([plaintext, publicKey], 1));
            bobBits = _bob.Loss.Compute(plaintext, _bobNetwork.forward(torch.cat([ciphertext, privateKey], 1)));
            // The defenders need the gradient through Eve, not Eve's own: her weights sit out this pass.
            FreshEveTrainer.SetTrainable(_eveParameters, false);
            eveBits = _eve.Loss.Compute(plaintext, _eveNetwork.forward(EveInput(publicKey, ciphertext, _data, batch)));
            loss = AliceBobLoss.Compute(bobBits, eveBits, _bits);
            _defendersOptimizer.zero_grad();
            loss.backward();
            FreshEveTrainer.SetTrainable(_eveParameters, true);
            _defendersOptimizer.step();
        }

        Tensor? eveTrainingBits = null;
        for (int i = 0; i < _eve.Adversary!.StepsPerRound; i++)
        {
            (Tensor input, Tensor plaintext) = Eavesdrop(_data, batch);
            eveTrainingBits = _eves.Step(_eveNetwork, _eveOptimizer, input, plaintext);
        }

        return EncryptionFigures.Round(step, bobBits, eveBits, loss, eveTrainingBits, _bits, _options.Stopping);
    }

    public EvaluationResult Evaluate()
    {
        EvaluationOptions evaluation = _options.Evaluation;
        using IDisposable scope = torch.NewDisposeScope();
        using BitSource heldOutSource = new(_context.Seed + FreshEveTrainer.HeldOutStream, _context.Device);
        int examples = evaluation.HeldOutExamples;
        Tensor plaintext = heldOutSource.Next(examples, _bits);
        Tensor privateKey = heldOutSource.Next(examples, _bits);
        Tensor eveInput;
        Tensor bobInput;
        using (torch.no_grad())
        {
            Tensor publicKey = _keyGenerator.forward(privateKey);
            Tensor ciphertext = _alice.forward(torch.cat([plaintext, publicKey], 1));
            bobInput = torch.cat([ciphertext, privateKey], 1);
            eveInput = EveInput(publicKey, ciphertext, heldOutSource, examples);
        }

        double bob = FreshEveTrainer.Measure(_bobNetwork, bobInput, plaintext);
        double eve = FreshEveTrainer.Measure(_eveNetwork, eveInput, plaintext);
        IReadOnlyList<AdversaryTrial> trials = _eves.TrainAll(Eavesdrop, eveInput, plaintext);

        return EncryptionFigures.Evaluation(bob, eve, trials, _eveObserves, _bits, _options.Success);
    }

    public void SaveCheckpoint(string directory)
    {
        _keyGenerator.save(Path.Combine(directory, "key-generator.dat"));
        _alice.save(Path.Combine(directory, "alice.dat"));
        _bobNetwork.save(Path.Combine(directory, "bob.dat"));
        _eveNetwork.save(Path.Combine(directory, "eve.dat"));
        _defendersOptimizer.save_state_dict(Path.Combine(directory, "defenders.adam.dat"));
        _eveOptimizer.save_state_dict(Path.Combine(directory, "eve.adam.dat"));
    }

    public void Dispose()
    {
        _data.Dispose();
        _defendersOptimizer.Dispose();
        _eveOptimizer.Dispose();
        _keyGenerator.Dispose();
        _alice.Dispose();
        _bobNetwork.Dispose();
        _eveNetwork.Dispose();
    }

    private int EveInputWidth() => _eveObserves.Sum(signal => signal == PublicKeyScenario.ChosenPlaintexts ? 2 * _bits * _options.ChosenPlaintexts : _bits);

    /// <summary>
    /// Eve's input: the signals she observes, in her order. Her chosen plaintexts are fresh random
    /// plaintexts from <paramref name="data"/>, each followed by its encryption under the same public key.
    /// </summary>
    private Tensor EveInput(Tensor publicKey, Tensor ciphertext, BitSource data, int batch)
    {
        List<Tensor> parts = [];
        foreach (string signal in _eveObserves)
        {
            switch (signal)
            {
                case PublicKeyScenario.PublicKeySignal:
                    parts.Add(publicKey);
                    break;
                case PublicKeyScenario.Ciphertext:
                    parts.Add(ciphertext);
                    break;
                case PublicKeyScenario.ChosenPlaintexts:
                    for (int i = 0; i < _options.ChosenPlaintexts; i++)
                    {
                        Tensor chosen = data.Next(batch, _bits);
                        parts.Add(chosen);
                        parts.Add(_alice.forward(torch.cat([chosen, publicKey], 1)));
                    }

                    break;
                default:
                    throw new InvalidOperationException($"The public-key scenario has no signal '{signal}'.");
            }
        }

        return torch.cat(parts, 1);
    }

    /// <summary>What Eve sees of a fresh batch, made by the frozen key generator and Alice, and the plaintext.</summary>
    private (Tensor Input, Tensor Plaintext) Eavesdrop(BitSource data, int batch)
    {
        using IDisposable noGrad = torch.no_grad();
        Tensor plaintext = data.Next(batch, _bits);
        Tensor privateKey = data.Next(batch, _bits);
        Tensor publicKey = _keyGenerator.forward(privateKey);
        Tensor ciphertext = _alice.forward(torch.cat([plaintext, publicKey], 1));
        return (EveInput(publicKey, ciphertext, data, batch), plaintext);
    }
}
