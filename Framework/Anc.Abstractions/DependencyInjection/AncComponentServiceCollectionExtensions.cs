using Anc.Attacks;
using Anc.Components;
using Anc.Scenarios;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The way a plugin registers its components. Each call adds a <see cref="ComponentDescriptor"/>;
/// the framework resolves manifest names through them and reports two registrations of one
/// name as an error that names both plugins.
/// </summary>
public static class AncComponentServiceCollectionExtensions
{
    /// <summary>Registers a network architecture under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncArchitecture<TArchitecture, TOptions>(this IServiceCollection services, string name, string description)
        where TArchitecture : class, IArchitecture
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.Architecture, name, typeof(TArchitecture), typeof(TOptions), description);

    /// <summary>Registers an adversary under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncAdversary<TAdversary, TOptions>(this IServiceCollection services, string name, string description)
        where TAdversary : class, IAdversary
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.Adversary, name, typeof(TAdversary), typeof(TOptions), description);

    /// <summary>Registers a loss under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncLoss<TLoss, TOptions>(this IServiceCollection services, string name, string description)
        where TLoss : class, ILossFunction
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.Loss, name, typeof(TLoss), typeof(TOptions), description);

    /// <summary>Registers a scenario under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncScenario<TScenario, TOptions>(this IServiceCollection services, string name, string description)
        where TScenario : class, IScenario
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.Scenario, name, typeof(TScenario), typeof(TOptions), description);

    /// <summary>Registers a data generator under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncDataGenerator<TGenerator, TOptions>(this IServiceCollection services, string name, string description)
        where TGenerator : class, IDataGenerator
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.DataGenerator, name, typeof(TGenerator), typeof(TOptions), description);

    /// <summary>Registers an attack, for attack panels (<c>anc-host attack</c>), under <paramref name="name"/>.</summary>
    public static IServiceCollection AddAncAttack<TAttack, TOptions>(this IServiceCollection services, string name, string description)
        where TAttack : class, IAttack
        where TOptions : class, new()
        => services.AddAncComponent(ComponentKind.Attack, name, typeof(TAttack), typeof(TOptions), description);

    private static IServiceCollection AddAncComponent(this IServiceCollection services, ComponentKind kind, string name, Type implementation, Type options, string description)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new ComponentDescriptor(kind, name, implementation, options, description));
        return services;
    }
}
