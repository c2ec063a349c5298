using System.Globalization;
using System.Text;

namespace Anc.Data;

/// <summary>
/// A table of numbers read from a CSV file: a header line naming the columns, then one row per
/// line, fields separated by commas (a field may be double-quoted, with "" for a quote). Every
/// way the file can be wrong is one message that names the file and, for a row, its line.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string path, IReadOnlyList<string> columns, double[][] rows)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The columns read, in the order asked for.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one value per column of <see cref="Columns"/>.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>The header line's column names of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, unreadable or empty; the message names it.</exception>
    public static IReadOnlyList<string> Header(string path)
    {
        using StreamReader reader = Open(path);
        return HeaderOf(path, reader);
    }

    /// <summary>Reads <paramref name="columns"/> of every row of the file at <paramref name="path"/>; other columns are not read.</summary>
    /// <exception cref="InvalidDataException">The file is missing, unreadable or empty, lacks a column, has no rows, or a row is short or holds a value that is not a finite number; the message names the file and line.</exception>
    public static CsvTable Read(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        using StreamReader reader = Open(path);
        IReadOnlyList<string> header = HeaderOf(path, reader);
        int[] indices = columns.Select(c => IndexOf(path, header, c)).ToArray();
        List<double[]> rows = [];
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            string[] fields = Split(text, path, line);
            if (fields.Length != header.Count)
            {
                throw new InvalidDataException($"{path}(line {line}): {fields.Length} field(s) where the header names {header.Count}.");
            }

            double[] row = new double[indices.Length];
            for (int i = 0; i < indices.Length; i++)
            {
                string field = fields[indices[i]].Trim();
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out row[i]) || !double.IsFinite(row[i]))
                {
                    throw new InvalidDataException($"{path}(line {line}): column '{columns[i]}': '{field}' is not a number.");
                }
            }

            rows.Add(row);
        }

        return rows.Count > 0 ? new CsvTable(path, columns.ToArray(), rows.ToArray()) : throw new InvalidDataException($"{path}: the table has a header and no rows.");
    }

    private static StreamReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return new StreamReader(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path}: table file not found; check the path.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the table: {e.Message}", e);
        }
    }

    private static string[] HeaderOf(string path, StreamReader reader)
    {
        string? first = reader.ReadLine();
        if (first is null || first.Trim().Length == 0)
        {
            throw new InvalidDataException($"{path}: the table is empty; its first line must name the columns (a,b,c).");
        }

        string[] header = Split(first, path, 1).Select(h => h.Trim()).ToArray();
        string? repeated = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return repeated is null ? header : throw new InvalidDataException($"{path}(line 1): column '{repeated}' is named twice.");
    }

    private static int IndexOf(string path, IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"{path}: no column '{column}' (its columns: {string.Join(", ", header)}).");
    }

    private static string[] Split(string line, string path, int number)
    {
        List<string> fields = [];
        StringBuilder field = new();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{path}(line {number}): a quoted field is not closed.");
        }

        fields.Add(field.ToString().TrimEnd('\r'));
        return fields.ToArray();
    }
}
