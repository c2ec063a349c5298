namespace Anc.Manifests;

/// <summary>Builds the dotted JSON paths that messages show.</summary>
internal static class JsonPaths
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
