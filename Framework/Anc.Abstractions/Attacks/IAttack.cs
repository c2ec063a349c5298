namespace Anc.Attacks;

/// <summary>
/// An adversary of a panel: trains against a frozen cipher (<see cref="ICipherTarget"/>) and
/// reports how well it did on fresh held-out messages, as counts the framework tests against
/// chance. A plugin adds its own with <c>AddAncAttack</c>; its options come through its constructor.
/// </summary>
public interface IAttack
{
    /// <summary>Trains the attack against <see cref="AttackContext.Target"/> and measures it.</summary>
    AttackResult Run(AttackContext context);
}
