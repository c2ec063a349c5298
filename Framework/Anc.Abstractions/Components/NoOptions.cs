namespace Anc.Components;

/// <summary>
/// The options type of a component that takes none; any option given to it is reported as
/// unknown. Such a component needs no constructor parameter for it: a parameterless
/// constructor (or one that takes only services) is fine.
/// </summary>
public sealed class NoOptions
{
}
