namespace Anc.Components;

/// <summary>The kinds of named components a manifest can refer to.</summary>
public enum ComponentKind
{
    /// <summary>A network builder (<see cref="IArchitecture"/>).</summary>
    Architecture,

    /// <summary>An attacker's view and schedule (<see cref="IAdversary"/>).</summary>
    Adversary,

    /// <summary>A named loss (<see cref="ILossFunction"/>).</summary>
    Loss,

    /// <summary>An experiment protocol (<see cref="Scenarios.IScenario"/>).</summary>
    Scenario,

    /// <summary>A source of examples for a scenario (<see cref="IDataGenerator"/>).</summary>
    DataGenerator,

    /// <summary>An adversary of an attack panel (<see cref="Attacks.IAttack"/>).</summary>
    Attack,
}
