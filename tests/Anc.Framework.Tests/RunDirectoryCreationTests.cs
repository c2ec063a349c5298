using Anc.Runs;

namespace Anc.Framework.Tests;

public sealed class RunDirectoryCreationTests
{
    [Fact]
    public void Runs_started_at_the_same_moment_from_many_threads_each_get_a_folder_of_their_own()
    {
        string root = Directory.CreateTempSubdirectory("anc-claims-").FullName;
        DateTimeOffset now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

        string[] folders = Enumerable.Range(0, 4)
            .AsParallel()
            .SelectMany(_ => Enumerable.Range(0, 100).Select(_ => RunDirectory.Create(root, "same", now).FullPath).ToArray())
            .ToArray();

        Assert.Equal(400, folders.Distinct(StringComparer.Ordinal).Count());
        Assert.All(folders, f => Assert.StartsWith("20261127-120000-", Path.GetFileName(f), StringComparison.Ordinal));
    }
}
