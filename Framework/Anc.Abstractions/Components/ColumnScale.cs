namespace Anc.Components;

/// <summary>How one column of a table was standardised: <c>(value - Mean) / Deviation</c>.</summary>
/// <param name="Field">The field the column belongs to, for example <c>c</c>.</param>
/// <param name="Column">The column's name in the table.</param>
/// <param name="Mean">Its mean over the table.</param>
/// <param name="Deviation">Its standard deviation over the table (1 for a constant column).</param>
public sealed record ColumnScale(string Field, string Column, double Mean, double Deviation);
