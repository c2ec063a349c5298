using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Runs;

/// <summary>
/// One run's folder, <c>&lt;root&gt;/&lt;experiment&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;id&gt;/</c>. Files are
/// written whole or not at all: to a temporary name, flushed, then renamed into place. A new
/// run never reuses an existing folder, even when several processes start runs at once.
/// </summary>
public sealed class RunDirectory
{
    private RunDirectory(string path)
    {
        FullPath = path;
    }

    /// <summary>The folder's full path.</summary>
    public string FullPath { get; }

    /// <summary>Creates a new, empty run folder under <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="experiment"/> is not one plain folder name (a path, <c>..</c>, a control character).</exception>
    public static RunDirectory Create(string root, string experiment, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(experiment);
        // The manifest reader already allows only plain names; this holds for every other caller too.
        if (experiment is "." or ".." || experiment.Any(c => char.IsControl(c) || c == '/' || c == '\\' || Path.GetInvalidFileNameChars().Contains(c)))
        {
            throw new ArgumentException($"The experiment name '{experiment}' is not one plain folder name.", nameof(experiment));
        }

        string parent = Path.Combine(Path.GetFullPath(root), experiment);
        Directory.CreateDirectory(parent);
        string stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (int attempt = 0; attempt < 16; attempt++)
        {
            string path = Path.Combine(parent, $"{stamp}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
            if (Claim(path))
            {
                return new RunDirectory(path);
            }
        }

        throw new IOException($"Could not find a free run folder name under {parent}.");
    }

    /// <summary>
    /// Creates the run folder at exactly <paramref name="path"/>, as a sweep places each trial's
    /// run; the folder must not exist or be empty.
    /// </summary>
    /// <exception cref="IOException">Another run has the folder.</exception>
    public static RunDirectory CreateAt(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        return Claim(full) ? new RunDirectory(full) : throw new IOException($"{full} is taken by another run (it is not empty).");
    }

    /// <summary>An existing run folder, such as the one a seed process is told to train into.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no folder at <paramref name="path"/>.</exception>
    public static RunDirectory Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        return Directory.Exists(full) ? new RunDirectory(full) : throw new DirectoryNotFoundException($"There is no run directory at {full}.");
    }

    /// <summary>
    /// Makes <paramref name="path"/> this process's run folder, or says another has it. Creating
    /// a folder succeeds for both of two processes that race for one name, so the owner is the
    /// one that creates the marker file <c>.anc-run</c> in it, which only one can.
    /// </summary>
    private static bool Claim(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            return false;
        }

        Directory.CreateDirectory(path);
        try
        {
            using FileStream marker = new(Path.Combine(path, ".anc-run"), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            marker.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            return true;
        }
        catch (IOException) when (File.Exists(Path.Combine(path, ".anc-run")))
        {
            return false;
        }
    }

    /// <summary>The folder of one seed, created on first use.</summary>
    public string SeedPath(int seed)
    {
        string path = Path.Combine(FullPath, $"seed-{seed}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes indented JSON to <paramref name="relativePath"/>, atomically.</summary>
    public void WriteJson(string relativePath, JToken json) =>
        WriteText(relativePath, json.ToString(Formatting.Indented) + Environment.NewLine);

    /// <summary>Writes text to <paramref name="relativePath"/>, atomically.</summary>
    public void WriteText(string relativePath, string text) =>
        WriteBytes(relativePath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relativePath"/>, atomically: whole or not at all.</summary>
    /// <exception cref="ArgumentException"><paramref name="relativePath"/> leads outside the run folder (it is rooted, or goes up with <c>..</c>).</exception>
    public void WriteBytes(string relativePath, byte[] bytes)
    {
        string target = Inside(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temporary = $"{target}.tmp-{Environment.ProcessId}";
        using (FileStream stream = new(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>
    /// The full path of <paramref name="relativePath"/> in this folder. Names can come from
    /// plugins (a figure's file is named after its metric), so none may lead out of the run folder.
    /// </summary>
    private string Inside(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        string target = Path.GetFullPath(Path.Combine(FullPath, relativePath));
        string folder = Path.TrimEndingDirectorySeparator(FullPath) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(relativePath) || !target.StartsWith(folder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is not a path inside the run folder {FullPath}.", nameof(relativePath));
        }

        return target;
    }
}
