using Anc.Components;

namespace Anc.Results;

/// <summary>
/// <c>data.json</c>, written when a run starts whose data generator standardises a table
/// (<see cref="IStandardisedData"/>): how each column was scaled, so that <c>anc-host protect</c>
/// applies the same transform to new rows.
/// </summary>
/// <param name="Generator">The data generator's name.</param>
/// <param name="Columns">Every column it reads, field by field, with its scale.</param>
public sealed record DataFile(string Generator, IReadOnlyList<ColumnScale> Columns)
{
    /// <summary>The file's name in the run directory.</summary>
    public const string FileName = "data.json";
}
