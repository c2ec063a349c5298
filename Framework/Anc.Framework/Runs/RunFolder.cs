using Anc.Diagnostics;

namespace Anc.Runs;

/// <summary>A run directory a user named to a command that reads a run (attack, export, protect): each way it can be wrong is one line.</summary>
internal static class RunFolder
{
    /// <summary>The run directory at <paramref name="path"/>, which has the manifest <c>anc-host run</c> wrote.</summary>
    /// <exception cref="AncInputException">There is no such folder, or it has no manifest.json.</exception>
    public static RunDirectory Open(string path)
    {
        RunDirectory run;
        try
        {
            run = RunDirectory.Open(path);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new AncInputException(e.Message);
        }

        return File.Exists(Manifest(run))
            ? run
            : throw new AncInputException($"{run.FullPath}: not a run directory (it has no manifest.json); give a folder that anc-host run wrote.");
    }

    /// <summary>The run's resolved manifest, <c>manifest.json</c>.</summary>
    public static string Manifest(RunDirectory run) => Path.Combine(run.FullPath, "manifest.json");
}
