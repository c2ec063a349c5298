using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Anc.Components;
using Anc.Data;

namespace Anc.Plugins.SelectiveProtection.Data;

/// <summary>
/// Options of the <c>csv</c> data generator: a table file and which of its numeric columns make
/// A, B, C (the sensitive field) and D. The file is checked when the manifest is read.
/// </summary>
public sealed class CsvTableOptions : IValidatableObject
{
    /// <summary>The table: a header line naming the columns, then one row per line.</summary>
    [Description("The table (.csv): a header line naming the columns, then one row per line; a relative path is taken from the manifest's folder.")]
    [Required]
    [InputFile]
    public string Path { get; set; } = string.Empty;

    /// <summary>The columns of A, public inputs.</summary>
    [Description("The columns of A, public inputs Alice reads (for example [\"age\"]).")]
    public List<string> A { get; set; } = [];

    /// <summary>The columns of B, public inputs.</summary>
    [Description("The columns of B, public inputs Alice reads.")]
    public List<string> B { get; set; } = [];

    /// <summary>The columns of C, the sensitive field nobody may learn from what is released.</summary>
    [Description("The columns of C, the sensitive field nobody may learn from what Alice releases.")]
    public List<string> C { get; set; } = [];

    /// <summary>The columns of D, the value Bob estimates and D-public approximates.</summary>
    [Description("The columns of D, the value Bob estimates (and D-public approximates for everyone).")]
    public List<string> D { get; set; } = [];

    /// <summary>Every column, field by field: a, b, c, d.</summary>
    internal IEnumerable<(string Field, string Column)> Columns =>
        A.Select(c => ("a", c)).Concat(B.Select(c => ("b", c))).Concat(C.Select(c => ("c", c))).Concat(D.Select(c => ("d", c)));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach ((string name, List<string> columns) in new[] { ("a", A), ("b", B), ("c", C), ("d", D) })
        {
            if (columns.Count == 0)
            {
                yield return new ValidationResult($"name at least one column of the table for field {name} (for example \"{name}\": [\"income\"]).", [name]);
            }
        }

        string? twice = Columns.GroupBy(c => c.Column, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            yield return new ValidationResult($"column '{twice}' is named in more than one place; each column belongs to one field.");
        }

        if (Path.Length == 0 || twice is not null || Columns.Count() < 4)
        {
            yield break;
        }

        string? error = null;
        try
        {
            CsvTable.Read(Path, Columns.Select(c => c.Column).ToArray());
        }
        catch (InvalidDataException e)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(Path)]);
        }
    }
}
