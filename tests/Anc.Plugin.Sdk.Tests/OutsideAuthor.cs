using Anc.Testing;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>
/// Plays an outside plugin author: packs Anc.Abstractions and Anc.Plugin.Sdk into a local
/// package source under a version no package cache has seen, then builds the plugins of
/// tests/OutsidePlugin from a copy outside the repository, against those packages only, into
/// one plugins folder. Built once for all the tests of <see cref="OutsideAuthorCollection"/>.
/// </summary>
public sealed class OutsideAuthor : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public OutsideAuthor()
    {
        Root = Directory.CreateTempSubdirectory("anc-outside-author-").FullName;
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}";
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Plugins = Path.Combine(Root, "plugins");
        Environment = new Dictionary<string, string?>
        {
            // A package cache of its own, so no earlier copy of a package is ever used.
            ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages"),
        };

        Pack("Framework/Anc.Abstractions", Version);
        Pack("eng/Sdk", Version);
        Source = CopyOutsidePlugins("src");
        foreach (string plugin in new[] { "Contoso.Anc.KeyedChannel", "Contoso.Anc.Wording2", "Contoso.Anc.Wording3" })
        {
            BuildPlugin(Source, plugin, Version, Plugins);
        }
    }

    /// <summary>The workspace; everything the author makes lies under it.</summary>
    public string Root { get; }

    /// <summary>The version the packages were packed with.</summary>
    public string Version { get; }

    /// <summary>The local package source.</summary>
    public string Feed { get; }

    /// <summary>The copy of tests/OutsidePlugin that was built.</summary>
    public string Source { get; }

    /// <summary>The plugins folder the author's plugins were copied into (AncPluginsDirectory).</summary>
    public string Plugins { get; }

    /// <summary>The environment of every dotnet command the author runs.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Packs a project of the repository into <see cref="Feed"/> from its existing build.</summary>
    public void Pack(string project, string version) =>
        RunOnProject(project, "pack", "-c", AncHostProcess.Configuration, "--no-build", "--no-restore", "-o", Feed, $"-p:PackageVersion={version}");

    /// <summary>Runs <c>dotnet &lt;verb&gt; &lt;project&gt; &lt;arguments&gt;</c> on a project of the repository.</summary>
    public void RunOnProject(string project, string verb, params string[] arguments) =>
        Dotnet(AncHostProcess.RepositoryRoot, isolatedPackages: false, [verb, project, .. arguments]);

    /// <summary>Copies tests/OutsidePlugin to <paramref name="name"/> under <see cref="Root"/> with a NuGet.config that adds the local source.</summary>
    public string CopyOutsidePlugins(string name)
    {
        string target = Path.Combine(Root, name);
        CopyFromRepository("tests/OutsidePlugin", target, keepPath: false);

        File.WriteAllText(Path.Combine(target, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="anc-packed" value="{Feed}" />
                <add key="machine-cache" value="{MachinePackageCache()}" />
              </packageSources>
            </configuration>
            """);
        return target;
    }

    /// <summary>Builds one plugin project against ANC packages of <paramref name="version"/> into <paramref name="pluginsDirectory"/>.</summary>
    public void BuildPlugin(string source, string plugin, string version, string pluginsDirectory, params string[] properties) =>
        Dotnet(source, isolatedPackages: true, ["build", plugin, "-c", "Release", $"-p:AncVersion={version}", $"-p:AncPluginsDirectory={pluginsDirectory}", .. properties]);

    /// <summary>
    /// Copies a file or folder of the repository, without build output, into <paramref name="target"/>:
    /// at its repository path under it, or (without <paramref name="keepPath"/>) as it.
    /// </summary>
    public static void CopyFromRepository(string part, string target, bool keepPath)
    {
        string from = Path.Combine(AncHostProcess.RepositoryRoot, part);
        string baseFolder = keepPath ? AncHostProcess.RepositoryRoot : from;
        IEnumerable<string> files = File.Exists(from) ? [from] : Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(baseFolder, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(segment => segment is "bin" or "obj"))
            {
                continue;
            }

            string copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose()
    {
        // The template's build restores this test's packages into the machine's cache: take them out again.
        string[] folders =
        [
            Root,
            .. new[] { "anc.abstractions", "anc.framework", "anc.plugin.sdk" }.Select(id => Path.Combine(MachinePackageCache(), id, Version)),
        ];
        foreach (string folder in folders.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                string parent = Path.GetDirectoryName(folder)!;
                if (folder != Root && !Directory.EnumerateFileSystemEntries(parent).Any())
                {
                    Directory.Delete(parent);
                }
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    /// <summary>
    /// Runs dotnet and fails with its output unless it succeeds. With <paramref name="isolatedPackages"/>
    /// packages are restored into a cache of the author's own (<see cref="Environment"/>);
    /// otherwise into the machine's, which already holds TorchSharp's large native packages.
    /// </summary>
    public void Dotnet(string workingDirectory, bool isolatedPackages, params string[] arguments)
    {
        (int exitCode, string output, string error) = AncHostProcess.RunDotnet(
            workingDirectory, BuildTimeout, isolatedPackages ? Environment : new Dictionary<string, string?>(), arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}\n{error}");
        }
    }

    /// <summary>
    /// The machine's package cache, used as one more source so that TorchSharp and its
    /// dependencies come from disk rather than the network; ANC packages of this test's
    /// version are never in it.
    /// </summary>
    private static string MachinePackageCache() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
