namespace Anc.Testing.Fuzzing;

/// <summary>The example manifests the built-in plugins ship (Plugins/*/manifests/*.json), the fuzzers' seeds.</summary>
internal static class ExampleManifests
{
    public static IReadOnlyList<string> Paths { get; } = Directory
        .GetDirectories(Path.Combine(AncHostProcess.RepositoryRoot, "Plugins"))
        .Select(plugin => Path.Combine(plugin, "manifests"))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.GetFiles(folder, "*.json"))
        .Order(StringComparer.Ordinal)
        .ToArray();
}
