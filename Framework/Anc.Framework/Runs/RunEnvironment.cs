using System.Diagnostics;
using System.Runtime.InteropServices;
using Anc.Kernels;
using Anc.Manifests;
using Anc.PluginHosting;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Runs;

/// <summary>Describes where a run ran: versions, machine, device, threads, seeds and command line.</summary>
internal static class RunEnvironment
{
    public static JObject Describe(ResolvedManifest manifest, PluginCatalog catalog, Device device, IReadOnlyList<string> commandLine) => new()
    {
        ["framework"] = PluginLoading.VersionOf(typeof(RunEnvironment).Assembly),
        ["plugins"] = new JArray(catalog.Plugins.Select(p => new JObject
        {
            ["name"] = p.Name,
            ["version"] = p.Version,
            ["folder"] = p.Folder,
        })),
        ["torchSharp"] = PluginLoading.VersionOf(typeof(torch).Assembly),
        ["libtorch"] = torch.__version__,
        ["gitCommit"] = GitCommit(Path.GetDirectoryName(Path.GetFullPath(manifest.SourcePath))!),
        ["os"] = RuntimeInformation.OSDescription,
        ["architecture"] = RuntimeInformation.OSArchitecture.ToString(),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["machine"] = Environment.MachineName,
        ["processors"] = Environment.ProcessorCount,
        ["cpu"] = Describe(ProcessorInfo.ThisMachine()),
        ["device"] = device.ToString(),
        ["threads"] = torch.get_num_threads(),
        ["seeds"] = new JArray(manifest.Seeds),
        ["commandLine"] = new JArray(commandLine),
        ["workingDirectory"] = Environment.CurrentDirectory,
        ["startedAt"] = DateTimeOffset.UtcNow.ToString("O"),
    };

    private static JObject Describe(ProcessorInfo processor) => new()
    {
        ["model"] = processor.Model,
        ["vendor"] = processor.Vendor,
        ["features"] = new JArray(processor.Features),
    };

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
