namespace Anc.Attacks;

/// <summary>What an <see cref="IAttack"/> works with.</summary>
public sealed class AttackContext
{
    /// <summary>Creates a context.</summary>
    public AttackContext(ICipherTarget target, long seed, int heldOutExamples, IProgress<AttackProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutExamples, 1);
        Target = target;
        Seed = seed;
        HeldOutExamples = heldOutExamples;
        Progress = progress;
        CancellationToken = cancellationToken;
    }

    /// <summary>The frozen cipher.</summary>
    public ICipherTarget Target { get; }

    /// <summary>
    /// Fixes the attack's own randomness (its plaintexts, its networks' initial weights): the
    /// same seed, target and options give the same result.
    /// </summary>
    public long Seed { get; }

    /// <summary>How many fresh messages (or games) the final measurement uses: drawn after training, and used for nothing else.</summary>
    public int HeldOutExamples { get; }

    /// <summary>Where to report training progress.</summary>
    public IProgress<AttackProgress> Progress { get; }

    /// <summary>Stops the attack between steps.</summary>
    public CancellationToken CancellationToken { get; }
}
