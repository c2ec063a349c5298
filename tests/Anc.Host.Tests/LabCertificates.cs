using Anc.Testing;

namespace Anc.Host.Tests;

/// <summary>A lab's certificate authority and members' folders, made by eng/services/lab-ca.sh in a test's folder.</summary>
internal sealed class LabCertificates
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly string _folder;

    private LabCertificates(string folder) => _folder = folder;

    /// <summary>Makes an authority in <paramref name="folder"/> and a member folder for each of <paramref name="members"/>.</summary>
    public static LabCertificates Make(string folder, params string[] members)
    {
        Run("ca", folder);
        foreach (string member in members)
        {
            Run("member", folder, member);
        }

        return new LabCertificates(folder);
    }

    /// <summary>A member's folder, for <c>--tls</c>.</summary>
    public string Member(string name) => Path.Combine(_folder, name);

    private static void Run(params string[] arguments)
    {
        (int exit, string output, string error) = AncHostProcess.RunProgram(
            "bash", AncHostProcess.RepositoryRoot, Timeout, [Path.Combine(AncHostProcess.RepositoryRoot, "eng", "services", "lab-ca.sh"), .. arguments]);
        Assert.True(exit == 0, $"lab-ca.sh {string.Join(' ', arguments)}: {error}{output}");
    }
}
