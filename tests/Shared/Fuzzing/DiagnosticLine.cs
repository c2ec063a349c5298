using System.Text.RegularExpressions;

namespace Anc.Testing.Fuzzing;

/// <summary>What a line of bad-input output must look like: <c>file(line,col): json.path: message</c>, nothing of a crash.</summary>
internal static partial class DiagnosticLine
{
    /// <summary>What is wrong with <paramref name="line"/> as a message about <paramref name="file"/>, or <see langword="null"/> when nothing is.</summary>
    public static string? Problem(string line, string file)
    {
        if (CrashSign(line) is string crash)
        {
            return crash;
        }

        if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
        {
            return "more than one line";
        }

        return Located().Match(line) is { Success: true } match && match.Groups["file"].Value == file
            ? null
            : $"not of the form {file}(line,col): path: message";
    }

    /// <summary>What in <paramref name="line"/>, of any output, shows a crash: a stack trace line or an exception's type; <see langword="null"/> when nothing does.</summary>
    public static string? CrashSign(string line) =>
        line.Contains("   at ", StringComparison.Ordinal) ? "a stack trace line"
        : ExceptionType().IsMatch(line) ? "an exception's type"
        : null;

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"^(?<file>.+?)(\(\d+,\d+\))?: \S")]
    private static partial Regex Located();
}
