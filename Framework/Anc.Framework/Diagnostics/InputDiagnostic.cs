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
        return location + path + Message;
    }
}
