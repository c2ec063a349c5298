namespace Anc.Attacks;

/// <summary>What an <see cref="AttackResult"/> counts.</summary>
public enum AttackMeasure
{
    /// <summary>Plaintext bits recovered from what was observed: a trial is one bit of one held-out message; the figure is bits wrong per message.</summary>
    BitsRecovered,

    /// <summary>Which of two plaintexts was encrypted: a trial is one held-out game; the figure is the advantage, 2 x accuracy - 1.</summary>
    Distinguishing,
}
