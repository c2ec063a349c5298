namespace Anc.Components;

/// <summary>The options type of a component that takes none; any option given to it is reported as unknown.</summary>
public sealed class NoOptions
{
}
