using Anc.Diagnostics;
using Anc.Training.Processes;

namespace Anc.Framework.Tests;

/// <summary>The seed process's command line: what <see cref="SeedAssignment.Arguments"/> writes, <see cref="SeedProcess"/> reads back.</summary>
public sealed class SeedProcessTests
{
    [Fact]
    public void An_assignments_command_line_reads_back_as_the_same_assignment_and_plugin_folders()
    {
        SeedAssignment assignment = new("/runs/a run/20261205-x", Seed: 12, Threads: 3);
        string[] folders = [Path.GetFullPath("one"), Path.GetFullPath("two")];

        (SeedAssignment read, IReadOnlyList<string> readFolders) = SeedProcess.Parse([.. assignment.Arguments(folders)]);

        Assert.Equal(assignment, read);
        Assert.Equal(folders, readFolders);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("seed --seed 1")]
    [InlineData("seed dir")]
    [InlineData("seed dir --seed")]
    [InlineData("seed dir --seed x")]
    [InlineData("seed dir --seed 1 --threads 0")]
    [InlineData("seed dir --seed 1 --frobnicate 2")]
    public void A_command_line_it_did_not_write_is_one_clear_error(string line)
    {
        AncInputException error = Assert.Throws<AncInputException>(() => SeedProcess.Parse(line.Split(' ')));

        Assert.StartsWith("seed: ", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Message.Split('\n'));
        Assert.Contains("not typed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_command_line_is_not_a_seed_process()
    {
        Assert.Null(SeedProcess.Run(["run", "m.json"], typeof(SeedProcessTests).Assembly));
        Assert.Null(SeedProcess.Run([], typeof(SeedProcessTests).Assembly));
    }
}
