using Anc.Attacks;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>An encryption experiment's trained defenders, frozen, as attacks see them: fresh keys per message from a stream of the target's own.</summary>
internal sealed class EncryptionTarget(EncryptionExperiment experiment, long keySeed, int bits, int observedWidth) : ICipherTarget
{
    private readonly BitSource _keys = new(keySeed, experiment.Context.Device);

    public int PlaintextBits => bits;

    public int ObservedWidth => observedWidth;

    public Device Device => experiment.Context.Device;

    public Tensor Observe(Tensor plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (plaintext.dim() != 2 || plaintext.shape[1] != bits)
        {
            throw new ArgumentException($"Plaintexts must be [rows, {bits}]; got [{string.Join(", ", plaintext.shape)}].", nameof(plaintext));
        }

        return experiment.Observe(_keys, plaintext);
    }

    public void Dispose() => _keys.Dispose();
}
