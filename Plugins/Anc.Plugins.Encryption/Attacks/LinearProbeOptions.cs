namespace Anc.Plugins.Encryption.Attacks;

/// <summary>Options of the <c>linear-probe</c> attack.</summary>
public sealed class LinearProbeOptions : TrainedAttackOptions
{
    /// <summary>The probe's defaults: a convex problem takes a larger step.</summary>
    public LinearProbeOptions()
    {
        LearningRate = 0.01;
    }
}
