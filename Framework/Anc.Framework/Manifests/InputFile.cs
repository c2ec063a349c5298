using Anc.Diagnostics;

namespace Anc.Manifests;

/// <summary>Reads a file the user named (a manifest, a panel, a sweep): every way it can fail is one line that names it.</summary>
internal static class InputFile
{
    /// <summary>The text of <paramref name="path"/>; <paramref name="what"/> says what it should be, for messages.</summary>
    /// <exception cref="AncInputException">It is a folder, missing, or unreadable.</exception>
    public static string Read(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new AncInputException($"{path}: is a folder; give the path of a {what} file (.json).");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AncInputException($"{path}: {what} file not found; check the path.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AncInputException($"{path}: cannot read the {what}: {e.Message}");
        }
    }
}
