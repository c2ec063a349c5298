using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// A trained encryption cipher for services: one seed of a finished symmetric or public-key run,
/// loaded once (<see cref="TrainedRuns.OpenCipher"/>) and called as often as needed. Bits are
/// <see langword="bool"/>s in the array methods and -1/+1 floats in the tensor methods (one
/// message per row, float32, on the CPU). A ciphertext and a public key are real values, as Alice
/// and the key generator make them. Safe for concurrent callers: calls run one at a time, so
/// batch messages into one call where throughput matters.
/// </summary>
public sealed class TrainedCipher : IDisposable
{
    private readonly SerialCalls _calls;
    private readonly IEncryptionCipher _cipher;

    internal TrainedCipher(TrainedSeed trained, IEncryptionCipher cipher)
    {
        _calls = new SerialCalls(trained);
        _cipher = cipher;
    }

    /// <summary>The run's folder.</summary>
    public string RunPath => _calls.Trained.RunPath;

    /// <summary>The seed whose networks these are.</summary>
    public int Seed => _calls.Trained.Seed;

    /// <summary>N, the plaintext's length in bits.</summary>
    public int PlaintextBits => _cipher.PlaintextBits;

    /// <summary>The secret key's length in bits.</summary>
    public int KeyBits => _cipher.KeyBits;

    /// <summary>How many values a ciphertext has.</summary>
    public int CiphertextWidth => _cipher.CiphertextWidth;

    /// <summary>Whether Alice encrypts with a public key (<see cref="MakePublicKey(bool[])"/>) rather than the secret key.</summary>
    public bool IsPublicKey => _cipher.IsPublicKey;

    /// <summary>Encrypts <paramref name="plaintext"/> (N bits) under the secret <paramref name="key"/> of a symmetric cipher.</summary>
    /// <exception cref="InvalidOperationException">The cipher is public-key: encrypt with a public key.</exception>
    /// <exception cref="ArgumentException">A length is not the cipher's.</exception>
    public float[] Encrypt(bool[] plaintext, bool[] key)
    {
        if (IsPublicKey)
        {
            throw new InvalidOperationException("This cipher is public-key: Alice encrypts with the public key (MakePublicKey), not the secret key.");
        }

        return Row(() => Encrypt(Bits(plaintext, PlaintextBits, nameof(plaintext)), Bits(key, KeyBits, nameof(key))));
    }

    /// <summary>Encrypts <paramref name="plaintext"/> (N bits) under the public key <paramref name="publicKey"/> of a public-key cipher.</summary>
    /// <exception cref="InvalidOperationException">The cipher is symmetric: encrypt with the secret key.</exception>
    /// <exception cref="ArgumentException">A length is not the cipher's.</exception>
    public float[] Encrypt(bool[] plaintext, float[] publicKey)
    {
        if (!IsPublicKey)
        {
            throw new InvalidOperationException("This cipher is symmetric: Alice encrypts with the secret key.");
        }

        return Row(() => Encrypt(Bits(plaintext, PlaintextBits, nameof(plaintext)), Values(publicKey, KeyBits, nameof(publicKey))));
    }

    /// <summary>Decrypts <paramref name="ciphertext"/> with the secret <paramref name="key"/>: Bob's reading of each bit.</summary>
    /// <exception cref="ArgumentException">A length is not the cipher's.</exception>
    public bool[] Decrypt(float[] ciphertext, bool[] key)
    {
        float[] reading = Row(() => Decrypt(Values(ciphertext, CiphertextWidth, nameof(ciphertext)), Bits(key, KeyBits, nameof(key))));
        return reading.Select(v => v > 0).ToArray();
    }

    /// <summary>The public key of the secret <paramref name="secretKey"/>.</summary>
    /// <exception cref="NotSupportedException">The cipher is symmetric.</exception>
    public float[] MakePublicKey(bool[] secretKey) => Row(() => MakePublicKey(Bits(secretKey, KeyBits, nameof(secretKey))));

    /// <summary>Alice's ciphertexts <c>[rows, CiphertextWidth]</c> of <paramref name="plaintext"/> <c>[rows, N]</c> under <paramref name="key"/> (the secret key, or a public-key cipher's public key). The caller owns the result.</summary>
    /// <exception cref="ArgumentException">A tensor's shape or type is not the cipher's.</exception>
    public Tensor Encrypt(Tensor plaintext, Tensor key) => Call(() =>
    {
        long rows = Check(plaintext, PlaintextBits, nameof(plaintext), -1);
        Check(key, KeyBits, nameof(key), rows);
        return _cipher.Encrypt(plaintext, key);
    });

    /// <summary>Bob's reconstructions <c>[rows, N]</c> from <paramref name="ciphertext"/> and the secret <paramref name="key"/>: a value's sign is the bit. The caller owns the result.</summary>
    /// <exception cref="ArgumentException">A tensor's shape or type is not the cipher's.</exception>
    public Tensor Decrypt(Tensor ciphertext, Tensor key) => Call(() =>
    {
        long rows = Check(ciphertext, CiphertextWidth, nameof(ciphertext), -1);
        Check(key, KeyBits, nameof(key), rows);
        return _cipher.Decrypt(ciphertext, key);
    });

    /// <summary>The public keys <c>[rows, KeyBits]</c> of <paramref name="secretKey"/>. The caller owns the result.</summary>
    /// <exception cref="NotSupportedException">The cipher is symmetric.</exception>
    /// <exception cref="ArgumentException">The tensor's shape or type is not the cipher's.</exception>
    public Tensor MakePublicKey(Tensor secretKey) => Call(() =>
    {
        Check(secretKey, KeyBits, nameof(secretKey), -1);
        return _cipher.MakePublicKey(secretKey);
    });

    /// <inheritdoc />
    public void Dispose() => _calls.Dispose();

    private Tensor Call(Func<Tensor> compute) => _calls.Run(() => compute().detach().MoveToOuterDisposeScope());

    private static float[] Row(Func<Tensor> compute)
    {
        using IDisposable scope = torch.NewDisposeScope();
        return compute().data<float>().ToArray();
    }

    internal static long Check(Tensor tensor, int width, string name, long rows)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.dim() != 2 || tensor.shape[1] != width || (rows >= 0 && tensor.shape[0] != rows))
        {
            string wanted = rows >= 0 ? $"[{rows}, {width}]" : $"[rows, {width}]";
            throw new ArgumentException($"{name} must be {wanted}; it is [{string.Join(", ", tensor.shape)}].", name);
        }

        if (tensor.dtype != ScalarType.Float32 || tensor.device_type != DeviceType.CPU)
        {
            throw new ArgumentException($"{name} must be float32 on the CPU; it is {tensor.dtype} on {tensor.device}.", name);
        }

        return tensor.shape[0];
    }

    private static Tensor Bits(bool[] bits, int width, string name)
    {
        ArgumentNullException.ThrowIfNull(bits, name);
        return Values(bits.Select(b => b ? 1f : -1f).ToArray(), width, name);
    }

    private static Tensor Values(float[] values, int width, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        return values.Length == width
            ? torch.tensor(values, [1, width])
            : throw new ArgumentException($"{name} must have {width} values; it has {values.Length}.", name);
    }
}
