using Anc.Cluster.Workers;

namespace Anc.Cluster.Tests;

/// <summary>Whether a trial's folder is inside a worker's sweeps root, as the operating system resolves it.</summary>
public sealed class SweepsRootTests
{
    [Fact]
    public void Folders_under_the_root_pass_also_through_links_that_stay_inside()
    {
        string root = Directory.CreateTempSubdirectory("anc-root-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(root, "short"), Path.Combine("a", "b"));
        SweepsRoot sweeps = new(root);

        Assert.Null(sweeps.Refusal(Path.Combine(root, "study", "trials", "t-1")));
        Assert.Null(sweeps.Refusal(Path.Combine(root, "short", "not-yet", "t-2")));
    }

    [Fact]
    public void Relative_climbing_looping_and_sibling_folders_are_refused_with_the_reason()
    {
        string parent = Directory.CreateTempSubdirectory("anc-root-").FullName;
        string root = Directory.CreateDirectory(Path.Combine(parent, "root")).FullName;
        Directory.CreateDirectory(Path.Combine(parent, "root-sibling"));
        Directory.CreateSymbolicLink(Path.Combine(root, "out"), Path.Combine("..", "root-sibling"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loop"), Path.Combine(root, "loop"));
        SweepsRoot sweeps = new(root);

        Assert.Contains("is not a full path", sweeps.Refusal("trials/t"), StringComparison.Ordinal);
        Assert.Contains("climbs with '..'", sweeps.Refusal(Path.Combine(root, "x", "..", "..", "elsewhere")), StringComparison.Ordinal);
        // A folder whose name starts with the root's is not inside it.
        Assert.Contains("outside this worker's --sweeps-root", sweeps.Refusal(Path.Combine(parent, "root-sibling", "t")), StringComparison.Ordinal);
        Assert.Contains("through a symbolic link", sweeps.Refusal(Path.Combine(root, "out", "t")), StringComparison.Ordinal);
        Assert.Contains("cannot be resolved", sweeps.Refusal(Path.Combine(root, "loop", "t")), StringComparison.Ordinal);
    }
}
