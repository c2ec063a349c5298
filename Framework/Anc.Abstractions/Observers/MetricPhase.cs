namespace Anc.Observers;

/// <summary>The phases of a seed that report metrics.</summary>
public static class MetricPhase
{
    /// <summary>Adversarial training of all parties.</summary>
    public const string Training = "training";

    /// <summary>The scenario's evaluation protocol, such as training fresh Eves.</summary>
    public const string Evaluation = "evaluation";
}
