namespace Anc.Manifests;

/// <summary>Builds the dotted JSON paths that messages show.</summary>
internal static class JsonPaths
{
    // A name that is not a plain word (empty, spaces, dots, quotes) is bracketed, as JSONPath does,
    // so that the path still reads as one path: parties['my party'].loss, not "parties.my party.loss".
    public static string Child(string parent, string name)
    {
        string segment = IsPlain(name) ? name : $"['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
        return parent.Length == 0 || segment[0] == '[' ? parent + segment : $"{parent}.{segment}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-');
}
