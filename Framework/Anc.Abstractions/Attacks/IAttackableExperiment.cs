namespace Anc.Attacks;

/// <summary>
/// Optional for an <see cref="Scenarios.IExperiment"/> whose parties make a cipher: offers the
/// trained cipher to attacks (<c>anc-host attack</c>). The framework calls it on an experiment
/// restored from a seed's final checkpoint.
/// </summary>
public interface IAttackableExperiment
{
    /// <summary>
    /// The experiment's cipher, frozen, drawing its fresh keys from a stream fixed by
    /// <paramref name="keySeed"/>. The caller disposes it before the experiment.
    /// </summary>
    ICipherTarget CreateTarget(long keySeed);
}
