using Anc.Data;

namespace Anc.Abstractions.Tests;

public sealed class CsvTableTests
{
    [Fact]
    public void Reads_the_named_columns_in_the_order_asked_with_quoted_fields_and_blank_lines()
    {
        string path = Write("id,\"name, full\",age,income\n1,\"Ann \"\"A\"\"\",34,51.5\n\n2,Bo,-7e1,0\r\n");

        CsvTable table = CsvTable.Read(path, ["income", "age"]);

        Assert.Equal(["income", "age"], table.Columns);
        Assert.Equal([[51.5, 34], [0, -70]], table.Rows);
        Assert.Equal(["id", "name, full", "age", "income"], CsvTable.Header(path));
    }

    [Theory]
    [InlineData("", "{0}: the table is empty; its first line must name the columns (a,b,c).")]
    [InlineData("age,income\n", "{0}: the table has a header and no rows.")]
    [InlineData("age,income\n1,2\n3\n", "{0}(line 3): 1 field(s) where the header names 2.")]
    [InlineData("age,income\n1,2\n3,lots\n", "{0}(line 3): column 'income': 'lots' is not a number.")]
    [InlineData("age,income\n1,NaN\n", "{0}(line 2): column 'income': 'NaN' is not a number.")]
    [InlineData("age,wealth\n1,2\n", "{0}: no column 'income' (its columns: age, wealth).")]
    [InlineData("age,age,income\n1,2,3\n", "{0}(line 1): column 'age' is named twice.")]
    [InlineData("age,income\n1,\"2\n", "{0}(line 2): a quoted field is not closed.")]
    public void A_wrong_table_is_one_message_naming_the_file_and_line(string text, string message)
    {
        string path = Write(text);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(path, ["age", "income"]));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), error.Message);
    }

    [Fact]
    public void A_missing_file_is_one_message_naming_it()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("anc-csv-").FullName, "missing.csv");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => CsvTable.Read(path, ["age"]));

        Assert.Equal($"{path}: table file not found; check the path.", error.Message);
    }

    private static string Write(string text)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("anc-csv-").FullName, "t.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
