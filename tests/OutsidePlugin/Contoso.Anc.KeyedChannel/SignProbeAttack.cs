using Anc.Attacks;
using TorchSharp;
using static TorchSharp.torch;

namespace Contoso.Anc.KeyedChannel;

/// <summary>
/// A panel attack with no training: guesses each plaintext bit as the sign of the matching
/// observed value. It breaks a cipher that passes the plaintext through, and nothing subtler.
/// </summary>
public sealed class SignProbeAttack : IAttack
{
    /// <inheritdoc />
    public AttackResult Run(AttackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ICipherTarget target = context.Target;
        using IDisposable scope = torch.NewDisposeScope();
        using Generator generator = new((ulong)context.Seed, target.Device);
        Tensor plaintext = torch.randint(0, 2, [context.HeldOutExamples, target.PlaintextBits], generator: generator, device: target.Device).to(ScalarType.Float32) * 2 - 1;
        Tensor guess = target.Observe(plaintext).narrow(1, 0, target.PlaintextBits).sign();
        long trials = plaintext.numel();
        long correct = guess.eq(plaintext).sum().item<long>();
        return new AttackResult(AttackMeasure.BitsRecovered, (trials - correct) / (double)context.HeldOutExamples, trials, correct, [], "the sign of each observed value");
    }
}
