using Anc.Components;

namespace Anc.Ciphers;

/// <summary>One network a seed's checkpoint holds, as a trained cipher or an export reads it back.</summary>
/// <param name="Party">The party whose architecture builds it, for example <c>alice</c>.</param>
/// <param name="Shape">The widths it was built with.</param>
/// <param name="CheckpointFile">The file of the checkpoint folder that holds its weights, for example <c>alice.dat</c>.</param>
public readonly record struct TrainedNetwork(string Party, NetworkShape Shape, string CheckpointFile);
