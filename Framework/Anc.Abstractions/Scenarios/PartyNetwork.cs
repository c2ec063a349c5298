using Anc.Components;

namespace Anc.Scenarios;

/// <summary>A network one seed of a scenario builds: whose it is and its widths.</summary>
/// <param name="Party">The party whose architecture builds it, for example <c>alice</c>.</param>
/// <param name="Shape">The widths the scenario asks of it.</param>
public readonly record struct PartyNetwork(string Party, NetworkShape Shape);
