using System.Globalization;
using System.Text;

namespace Anc.Diagnostics;

/// <summary>
/// One mistake in the user's input, located as precisely as it can be:
/// <c>file(line,col): json.path: message</c>, or just the message when it concerns no file.
/// </summary>
/// <param name="File">The file as the user named it, if the mistake is in a file.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="JsonPath">The JSON path of the offending value, if any.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record InputDiagnostic(string? File, int Line, int Column, string? JsonPath, string Message)
{
    /// <summary>A mistake that concerns no file position, such as a missing plugin folder.</summary>
    public static InputDiagnostic General(string message) => new(null, 0, 0, null, message);

    /// <inheritdoc />
    public override string ToString()
    {
        string location = File is null ? string.Empty : Line > 0 ? $"{File}({Line},{Column}): " : $"{File}: ";
        string path = string.IsNullOrEmpty(JsonPath) ? string.Empty : $"{JsonPath}: ";
        return OneLine(location + path + Message);
    }

    // A name or value quoted from the input may hold line breaks, terminal escapes or invisible
    // characters; escaped, a diagnostic stays one line that shows what the file holds.
    private static string OneLine(string text)
    {
        if (!Enumerable.Range(0, text.Length).Any(i => NeedsEscape(text, i)))
        {
            return text;
        }

        StringBuilder line = new(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(text, i))
            {
                line.Append(c);
                continue;
            }

            line.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
            });
        }

        return line.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
