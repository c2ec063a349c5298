namespace Anc.Attacks;

/// <summary>How far an attack's training has come.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Steps">Steps in all.</param>
public readonly record struct AttackProgress(long Step, long Steps);
