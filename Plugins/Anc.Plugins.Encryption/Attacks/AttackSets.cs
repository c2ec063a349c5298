using Anc.Attacks;
using Anc.Plugins.Encryption.Protocol;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// An attack's three streams of plaintexts, kept apart so that no held-out message is trained
/// on or chosen by: training batches, a fixed validation set (to follow training and pick the
/// best network), and the held-out set drawn once training is over.
/// </summary>
internal sealed class AttackSets : IDisposable
{
    private readonly AttackContext _context;
    private readonly BitSource _training;

    public AttackSets(AttackContext context)
    {
        _context = context;
        _training = new BitSource(context.Seed, context.Target.Device);
    }

    /// <summary>Uniform plaintexts for one training batch.</summary>
    public Tensor Training(int rows) => _training.Next(rows, _context.Target.PlaintextBits);

    /// <summary>Uniform bits of any width for one training batch (such as which of two plaintexts is encrypted).</summary>
    public Tensor TrainingBits(int rows, int width) => _training.Next(rows, width);

    /// <summary>The validation set: the same plaintexts (or bits of <paramref name="width"/>, N where not given) every call for one attack.</summary>
    public Tensor Validation(int rows, int? width = null) => Fixed(1, rows, width);

    /// <summary>The validation plaintexts and what is observed of them, for an attack that guesses plaintexts.</summary>
    public (Tensor Plaintext, Tensor Observed) ObservedValidation(int rows)
    {
        Tensor plaintext = Validation(rows);
        return (plaintext, _context.Target.Observe(plaintext));
    }

    /// <summary>The held-out set, fresh: draw it only after training.</summary>
    public Tensor HeldOut(int rows, int? width = null) => Fixed(2, rows, width);

    public void Dispose() => _training.Dispose();

    private Tensor Fixed(long stream, int rows, int? width)
    {
        using BitSource source = new(_context.Seed + stream, _context.Target.Device);
        return source.Next(rows, width ?? _context.Target.PlaintextBits);
    }
}
