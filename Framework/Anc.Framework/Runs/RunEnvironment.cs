using System.Diagnostics;
using System.Runtime.InteropServices;
using Anc.Kernels;
using Anc.Manifests;
using Anc.PluginHosting;
using Anc.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Runs;

/// <summary>Describes where a run ran (<c>environment.json</c>): versions, machine, device, threads, seeds and command line.</summary>
internal static class RunEnvironment
{
    /// <summary>
    /// The environment as a run starts; <see cref="EnvironmentFile.Parallel"/>,
    /// <see cref="EnvironmentFile.ThreadsPerSeed"/> and <see cref="EnvironmentFile.Kernels"/> are the run's to add.
    /// </summary>
    public static EnvironmentFile Describe(ResolvedManifest manifest, PluginCatalog catalog, Device device, IReadOnlyList<string> commandLine) => new(
        PluginLoading.VersionOf(typeof(RunEnvironment).Assembly),
        catalog.Plugins.Select(p => new PluginVersion(p.Name, p.Version, p.Folder)).ToList(),
        PluginLoading.VersionOf(typeof(torch).Assembly),
        torch.__version__,
        GitCommit(Path.GetDirectoryName(Path.GetFullPath(manifest.SourcePath))!),
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        Environment.MachineName,
        Environment.ProcessorCount,
        ProcessorInfo.ThisMachine(),
        device.ToString(),
        torch.get_num_threads(),
        manifest.Seeds.ToList(),
        commandLine.ToList(),
        Environment.CurrentDirectory,
        DateTimeOffset.UtcNow,
        Parallel: null,
        ThreadsPerSeed: null,
        Kernels: null,
        Resumes: null);

    private static string? GitCommit(string directory)
    {
        try
        {
            using Process? git = Process.Start(new ProcessStartInfo("git", ["-C", directory, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            string output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
