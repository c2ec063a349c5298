using Anc.Runs;

namespace Anc.Framework.Tests;

public sealed class RunDirectoryTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/tmp/anc-absolute")]
    [InlineData("a\\b")]
    [InlineData("tiny\n")]
    [InlineData("nul\0")]
    public void An_experiment_name_that_is_not_one_folder_name_is_refused_before_anything_is_created(string experiment)
    {
        string root = Directory.CreateTempSubdirectory("anc-rundir-").FullName;
        string runs = Path.Combine(root, "runs");

        Assert.Throws<ArgumentException>(() => RunDirectory.Create(runs, experiment, Now));

        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("plots/../../outside.txt")]
    [InlineData("/tmp/anc-outside.txt")]
    public void A_file_outside_the_run_folder_is_refused(string relativePath)
    {
        string root = Directory.CreateTempSubdirectory("anc-rundir-").FullName;
        RunDirectory run = RunDirectory.Create(root, "e", Now);

        Assert.Throws<ArgumentException>(() => run.WriteText(relativePath, "x"));

        Assert.Equal([Path.Combine(root, "e")], Directory.GetFileSystemEntries(root));
        // Only the marker that claims the folder for this run.
        Assert.Equal([".anc-run"], Directory.GetFileSystemEntries(run.FullPath).Select(Path.GetFileName));
        Assert.False(File.Exists("/tmp/anc-outside.txt"));
    }

    [Fact]
    public void A_file_in_a_subfolder_of_the_run_folder_is_written()
    {
        string root = Directory.CreateTempSubdirectory("anc-rundir-").FullName;
        RunDirectory run = RunDirectory.Create(root, "e", Now);

        run.WriteText(Path.Combine("plots", "..", "plots", "bob.bitsWrong.png"), "x");

        Assert.Equal("x", File.ReadAllText(Path.Combine(run.FullPath, "plots", "bob.bitsWrong.png")));
    }
}
