using Anc.Testing;

namespace Anc.Plugin.Sdk.Tests;

/// <summary>Each plugin keeps its own private dependencies, whatever version another plugin carries.</summary>
[Collection(OutsideAuthorCollection.Name)]
public sealed class PrivateDependencyTests(OutsideAuthor author)
{
    [Fact]
    public void Two_plugins_with_different_major_versions_of_one_library_both_load_and_run_their_own()
    {
        (int exitCode, string output, string error) = AncHostProcess.Run(author.Root, TimeSpan.FromMinutes(2), "list", "--plugins", author.Plugins);

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"(?m)^  absolute-error-v2 +Mean absolute error \(described by Humanizer 2\.14\)\. \[Contoso\.Anc\.Wording2\]$", output);
        Assert.Matches(@"(?m)^  absolute-error-v3 +Mean absolute error \(described by Humanizer 3\.0\)\. \[Contoso\.Anc\.Wording3\]$", output);
    }
}
