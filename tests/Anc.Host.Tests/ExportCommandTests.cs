using Anc.Testing;

namespace Anc.Host.Tests;

/// <summary><c>anc-host export</c> as a user runs it; what the files hold is checked in Python by the framework's PyTorchExportTests.</summary>
public sealed class ExportCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Export_writes_each_finished_seed_and_the_Python_module_into_the_run_by_default()
    {
        string folder = Folder("anc-export-");
        string run = Train(folder);

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "export", run, "--format", "pytorch");

        Assert.True(exit == 0, error + output);
        string export = Path.Combine(run, "exports", "pytorch");
        Assert.Equal(["anc_torch.py"], Directory.GetFiles(export).Select(Path.GetFileName));
        Assert.Equal(["seed-0", "seed-1"], Directory.GetDirectories(export).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["alice.pt", "bob.pt", "eve.pt", "export.json"], Directory.GetFiles(Path.Combine(export, "seed-1")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"seed 1: {Path.Combine(export, "seed-1")}", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(AncHostProcess.RepositoryRoot, "python", "anc_torch.py")), File.ReadAllText(Path.Combine(export, "anc_torch.py")));

        string elsewhere = Path.Combine(folder, "one");
        (int one, string oneOutput, string oneError) = AncHostProcess.Run(folder, Timeout, "export", run, "--seed", "1", "--format", "pytorch", "--output", "one");
        Assert.True(one == 0, oneError + oneOutput);
        Assert.Equal(["seed-1"], Directory.GetDirectories(elsewhere).Select(Path.GetFileName));
    }

    [Fact]
    public void Exporting_what_cannot_be_exported_is_one_line_and_exit_2()
    {
        string folder = Folder("anc-export-bad-");
        (int notRun, _, string notRunError) = AncHostProcess.Run(folder, Timeout, "export", folder, "--format", "pytorch");
        Assert.Equal(2, notRun);
        Assert.Equal($"{folder}: not a run directory (it has no manifest.json); give a folder that anc-host run wrote.", notRunError.Trim());

        string run = Train(folder);
        (int missing, _, string missingError) = AncHostProcess.Run(folder, Timeout, "export", run, "--seed", "7", "--format", "pytorch");
        Assert.Equal(2, missing);
        Assert.Equal($"{run}: seed 7 did not finish training (no checkpoints/final); finished: 0, 1.", missingError.Trim());
        (int format, _, string formatError) = AncHostProcess.Run(folder, Timeout, "export", run, "--format", "onnx");
        Assert.Equal(2, format);
        Assert.Contains("onnx", formatError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run, "exports")));
    }

    private static string Folder(string prefix)
    {
        string folder = Directory.CreateTempSubdirectory(prefix).FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        return folder;
    }

    /// <summary>Trains both seeds of the tiny manifest and returns the run directory.</summary>
    private static string Train(string folder)
    {
        using (TrainingLock.Acquire())
        {
            (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "run", "m.json", "--quiet", "--output", "runs");
            Assert.True(exit is 0 or 1, error + output);
        }

        return RunFiles.RunOf(folder, "runs");
    }
}
