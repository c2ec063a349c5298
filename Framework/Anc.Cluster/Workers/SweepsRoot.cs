namespace Anc.Cluster.Workers;

/// <summary>
/// The folder a worker may write trials in, and the check that a trial's folder is inside it as
/// the operating system will resolve it: no <c>..</c> (which the system applies after
/// following a symbolic link, so no text check can judge it), and every symbolic link on the
/// way followed before the comparison.
/// </summary>
internal sealed class SweepsRoot
{
    // Linux allows 40 links in one resolution; more is a loop.
    private const int MaxLinks = 40;

    private readonly string _resolved;

    /// <param name="folder">The root; made if missing.</param>
    public SweepsRoot(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        _resolved = Resolve(Folder, 0);
    }

    /// <summary>The root, as given (full).</summary>
    public string Folder { get; }

    /// <summary>Why <paramref name="trialFolder"/> may not be written, or null where it may.</summary>
    public string? Refusal(string trialFolder)
    {
        if (!Path.IsPathFullyQualified(trialFolder))
        {
            return $"its folder '{trialFolder}' is not a full path";
        }

        if (trialFolder.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains(".."))
        {
            return $"its folder '{trialFolder}' climbs with '..'";
        }

        string resolved;
        try
        {
            resolved = Resolve(trialFolder, 0);
        }
        catch (IOException e)
        {
            return $"its folder '{trialFolder}' cannot be resolved ({e.Message})";
        }

        return resolved.StartsWith(_resolved + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? null
            : $"its folder '{trialFolder}' is{(resolved == trialFolder ? string.Empty : $", through a symbolic link, '{resolved}',")} outside this worker's --sweeps-root '{Folder}'";
    }

    /// <summary><paramref name="path"/> (full, no <c>..</c>) with every symbolic link among its existing parts followed.</summary>
    private static string Resolve(string path, int links)
    {
        string root = Path.GetPathRoot(path)!;
        string current = root;
        foreach (string part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            FileInfo entry = new(next);
            if (entry.LinkTarget is { } target)
            {
                if (links >= MaxLinks)
                {
                    throw new IOException("too many symbolic links");
                }

                // A relative target is relative to the link's folder; it may hold '..', which is right here: the link's folder is resolved.
                next = Resolve(Path.GetFullPath(Path.Combine(current, target)), links + 1);
            }

            current = next;
        }

        return current;
    }
}
