using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// A trained selective protection for services: one seed of a finished selective-protection run,
/// loaded once (<see cref="TrainedRuns.OpenProtection"/>). <see cref="Protect"/> turns records
/// &lt;A, B, C&gt; into what may be released (D-public and the ciphertext), with a fresh key per
/// record that only the holder of the data keeps; <see cref="EstimateD"/> is Bob's estimate of D
/// from them and the key. Tensors are float32 on the CPU, one record per row, in the units the
/// run trained on (a data generator that standardises its fields expects standardised values).
/// Safe for concurrent callers: calls run one at a time.
/// </summary>
public sealed class TrainedProtection : IDisposable
{
    private readonly SerialCalls _calls;
    private readonly IProtectionCipher _protection;

    internal TrainedProtection(TrainedSeed trained, IProtectionCipher protection)
    {
        _calls = new SerialCalls(trained);
        _protection = protection;
    }

    /// <summary>The run's folder.</summary>
    public string RunPath => _calls.Trained.RunPath;

    /// <summary>The seed whose networks these are.</summary>
    public int Seed => _calls.Trained.Seed;

    /// <summary>The fields a, b, c and d, each with its width.</summary>
    public IReadOnlyDictionary<string, int> Fields => _protection.Fields;

    /// <summary>How many values a key has.</summary>
    public int KeyWidth => _protection.KeyWidth;

    /// <summary>How many values the released ciphertext has.</summary>
    public int CiphertextWidth => _protection.CiphertextWidth;

    /// <summary>Fresh keys <c>[rows, KeyWidth]</c>, drawn as training drew them, from a stream fixed by <paramref name="seed"/>. The caller owns the result.</summary>
    public Tensor NewKeys(long rows, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        using Generator generator = new((ulong)seed);
        using IDisposable scope = torch.NewDisposeScope();
        return _protection.NewKeys(rows, generator).MoveToOuterDisposeScope();
    }

    /// <summary>What is released for each record: D-public and the ciphertext. The caller owns the results.</summary>
    /// <exception cref="ArgumentException">A tensor's shape or type is not the run's.</exception>
    public (Tensor DPublic, Tensor Ciphertext) Protect(Tensor a, Tensor b, Tensor c, Tensor key)
    {
        long rows = TrainedCipher.Check(a, Fields["a"], nameof(a), -1);
        TrainedCipher.Check(b, Fields["b"], nameof(b), rows);
        TrainedCipher.Check(c, Fields["c"], nameof(c), rows);
        TrainedCipher.Check(key, KeyWidth, nameof(key), rows);
        return _calls.Run(() =>
        {
            (Tensor dPublic, Tensor ciphertext) = _protection.Protect(a, b, c, key);
            return (dPublic.contiguous().detach().MoveToOuterDisposeScope(), ciphertext.contiguous().detach().MoveToOuterDisposeScope());
        });
    }

    /// <summary>Bob's estimate of D <c>[rows, width of d]</c> from what was released and the key. The caller owns the result.</summary>
    /// <exception cref="ArgumentException">A tensor's shape or type is not the run's.</exception>
    public Tensor EstimateD(Tensor dPublic, Tensor ciphertext, Tensor key)
    {
        long rows = TrainedCipher.Check(dPublic, Fields["d"], nameof(dPublic), -1);
        TrainedCipher.Check(ciphertext, CiphertextWidth, nameof(ciphertext), rows);
        TrainedCipher.Check(key, KeyWidth, nameof(key), rows);
        return _calls.Run(() => _protection.EstimateD(dPublic, ciphertext, key).detach().MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose() => _calls.Dispose();
}
