using Anc.Components;
using Anc.Observers;
using Anc.Plugins.Encryption.Losses;
using Anc.Plugins.Encryption.Protocol;
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
    private readonly FreshEveTrainer _eves;
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
        _eves = new FreshEveTrainer(context, options.Evaluation, _eve, new NetworkShape(_eveAdversary.Observes.Count * _bits, _bits));
        _eveNetwork = _eves.BuildEve();
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
            FreshEveTrainer.SetTrainable(_eveParameters, false);
            eveBits = _eve.Loss.Compute(plaintext, _eveNetwork.forward(ciphertext));
            loss = AliceBobLoss.Compute(bobBits, eveBits, _bits);
            _aliceBobOptimizer.zero_grad();
            loss.backward();
            FreshEveTrainer.SetTrainable(_eveParameters, true);
            _aliceBobOptimizer.step();
        }

        Tensor? eveTrainingBits = null;
        for (int i = 0; i < _eveAdversary.StepsPerRound; i++)
        {
            (Tensor input, Tensor plaintext) = Eavesdrop(_data, batch);
            eveTrainingBits = _eves.Step(_eveNetwork, _eveOptimizer, input, plaintext);
        }

        return EncryptionFigures.Round(step, bobBits, eveBits, loss, eveTrainingBits, _bits, _options.Stopping);
    }

    public EvaluationResult Evaluate()
    {
        EvaluationOptions evaluation = _options.Evaluation;
        using BitSource heldOutSource = new(_context.Seed + FreshEveTrainer.HeldOutStream, _context.Device);
        using Tensor plaintext = heldOutSource.Next(evaluation.HeldOutExamples, _bits);
        using Tensor key = heldOutSource.Next(evaluation.HeldOutExamples, _bits);
        using Tensor ciphertext = Encrypt(plaintext, key);

        using Tensor bobInput = torch.cat([ciphertext, key], 1);
        double bob = FreshEveTrainer.Measure(_bobNetwork, bobInput, plaintext);
        double eve = FreshEveTrainer.Measure(_eveNetwork, ciphertext, plaintext);
        IReadOnlyList<AdversaryTrial> trials = _eves.TrainAll(Eavesdrop, ciphertext, plaintext);

        return EncryptionFigures.Evaluation(bob, eve, trials, _eveAdversary.Observes, _bits, _options.Success);
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

    private Tensor Encrypt(Tensor plaintext, Tensor key)
    {
        using IDisposable noGrad = torch.no_grad();
        return _aliceNetwork.forward(torch.cat([plaintext, key], 1));
    }

    /// <summary>What Eve sees of a fresh batch, encrypted by the frozen Alice, and the plaintext.</summary>
    private (Tensor Input, Tensor Plaintext) Eavesdrop(BitSource data, int batch)
    {
        Tensor plaintext = data.Next(batch, _bits);
        Tensor key = data.Next(batch, _bits);
        return (Encrypt(plaintext, key), plaintext);
    }
}
