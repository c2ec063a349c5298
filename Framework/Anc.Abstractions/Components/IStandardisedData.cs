namespace Anc.Components;

/// <summary>
/// Optional for an <see cref="IDataGenerator"/> that standardises the columns of a table: the
/// framework saves <see cref="Scales"/> in the run (<c>data.json</c>), so the same transform
/// applies to new rows later (<c>anc-host protect</c>) whatever becomes of the table.
/// </summary>
public interface IStandardisedData
{
    /// <summary>Every column the generator reads, field by field in the order of <see cref="IDataGenerator.Fields"/>, each with its scale.</summary>
    IReadOnlyList<ColumnScale> Scales { get; }
}
