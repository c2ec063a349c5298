namespace Anc.Components;

/// <summary>
/// Describes one named component: what it is, the type that implements it and the type of
/// its options. The implementation is created per use with its bound options as a
/// constructor argument, so a component reads its options the ordinary way.
/// </summary>
public sealed class ComponentDescriptor
{
    /// <summary>Creates a descriptor; plugins call the <c>AddAnc…</c> registration methods instead.</summary>
    /// <param name="kind">What kind of component it is.</param>
    /// <param name="name">The name manifests use.</param>
    /// <param name="implementationType">The class that implements it.</param>
    /// <param name="optionsType">The class its options bind to.</param>
    /// <param name="description">One line for <c>anc-host list</c>.</param>
    public ComponentDescriptor(ComponentKind kind, string name, Type implementationType, Type optionsType, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(implementationType);
        ArgumentNullException.ThrowIfNull(optionsType);
        Kind = kind;
        Name = name;
        ImplementationType = implementationType;
        OptionsType = optionsType;
        Description = description ?? string.Empty;
    }

    /// <summary>What kind of component this is.</summary>
    public ComponentKind Kind { get; }

    /// <summary>The name manifests use, for example <c>mix-transform</c>.</summary>
    public string Name { get; }

    /// <summary>The class that implements the component.</summary>
    public Type ImplementationType { get; }

    /// <summary>The class the component's <c>options</c> object binds to; it must have a parameterless constructor whose defaults are the documented ones.</summary>
    public Type OptionsType { get; }

    /// <summary>One line for <c>anc-host list</c>.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Name}' ({ImplementationType.FullName})";
}
