using Anc.Components;
using Anc.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Manifests;

/// <summary>
/// Creates component instances: the implementation gets its bound options, and any service
/// it asks for, through its constructor.
/// </summary>
public sealed class ComponentFactory
{
    private readonly IServiceProvider _services;

    /// <summary>Creates a factory over the host's services.</summary>
    public ComponentFactory(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary>Creates the component <paramref name="component"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ComponentFaultException">The component's constructor failed.</exception>
    public T Create<T>(ResolvedComponent component)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(component);
        ComponentDescriptor descriptor = component.Descriptor;
        try
        {
            // A component that takes no options (such as one registered with NoOptions) need not accept them.
            bool takesOptions = descriptor.ImplementationType.GetConstructors()
                .Any(c => c.GetParameters().Any(p => p.ParameterType.IsInstanceOfType(component.Options)));
            object[] arguments = takesOptions ? [component.Options] : [];
            return (T)ActivatorUtilities.CreateInstance(_services, descriptor.ImplementationType, arguments);
        }
        catch (Exception e)
        {
            Exception cause = e is System.Reflection.TargetInvocationException { InnerException: not null } ? e.InnerException : e;
            throw new ComponentFaultException(component.Plugin, descriptor, cause);
        }
    }

    /// <summary>Creates <paramref name="party"/>'s architecture, loss and adversary, fresh.</summary>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public Party CreateParty(ResolvedParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new Party(
            party.Role,
            Create<IArchitecture>(party.Architecture),
            Create<ILossFunction>(party.Loss),
            party.Adversary is null ? null : Create<IAdversary>(party.Adversary));
    }

    /// <summary>
    /// What a scenario is given to tell its <see cref="SeedFootprint"/>: the attackers' adversaries
    /// and the data generator of <paramref name="parties"/> and <paramref name="data"/>, created fresh.
    /// </summary>
    /// <exception cref="ComponentFaultException">A component's constructor failed.</exception>
    public FootprintContext CreateFootprintContext(IReadOnlyList<ResolvedParty> parties, ResolvedComponent? data)
    {
        ArgumentNullException.ThrowIfNull(parties);
        return new FootprintContext(
            parties.Where(p => p.Adversary is not null).ToDictionary(p => p.Role.Name, p => Create<IAdversary>(p.Adversary!)),
            data is null ? null : Create<IDataGenerator>(data));
    }
}
