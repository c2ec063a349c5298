using System.Text.RegularExpressions;
using Anc.Testing;

namespace Anc.Host.Tests;

/// <summary>
/// The README and the pages under docs/ link to each other by relative paths; DocFX checks the
/// pages when the site builds (in CI), and these tests check the README's links too, offline,
/// along with the rule that nothing a user reads points into the team's shared folder.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages()
    {
        string root = AncHostProcess.RepositoryRoot;
        string docs = Path.Combine(root, "docs");
        TheoryData<string> pages = ["README.md"];
        foreach (string page in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, page);
            // DocFX's generated API pages and site are build output, not pages someone wrote.
            if (!relative.StartsWith(Path.Combine("docs", "api"), StringComparison.Ordinal)
                && !relative.StartsWith(Path.Combine("docs", "_site"), StringComparison.Ordinal)
                && !relative.StartsWith(Path.Combine("docs", "obj"), StringComparison.Ordinal))
            {
                pages.Add(relative);
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_of_a_page_names_a_file_that_exists(string page)
    {
        string path = Path.Combine(AncHostProcess.RepositoryRoot, page);
        string folder = Path.GetDirectoryName(path)!;
        string[] broken = Link().Matches(File.ReadAllText(path))
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("xref:", StringComparison.Ordinal) && !target.StartsWith('#'))
            .Where(target => !File.Exists(Path.Combine(folder, target.Split('#')[0])))
            .ToArray();

        Assert.True(broken.Length == 0, $"{page} links to missing files: {string.Join(", ", broken)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_page_points_into_the_teams_shared_folder(string page)
    {
        string text = File.ReadAllText(Path.Combine(AncHostProcess.RepositoryRoot, page));

        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_README_is_short_and_leads_to_the_guide()
    {
        string[] lines = File.ReadAllLines(Path.Combine(AncHostProcess.RepositoryRoot, "README.md"));

        Assert.InRange(lines.Length, 20, 120);
        Assert.Contains(lines, line => line.Contains("(docs/index.md)", StringComparison.Ordinal));
    }

    // A Markdown link or image: [text](target) or ![alt](target), the target up to a space or ')'.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
