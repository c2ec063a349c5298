using System.Diagnostics;
using System.Reflection;

namespace Anc.Host.Tests;

/// <summary>Runs the built anc-host as a separate process, as a user would.</summary>
internal static class AncHostProcess
{
    public static string RepositoryRoot => Metadata("AncRepositoryRoot");

    public static string HostAssembly => Metadata("AncHostAssembly");

    /// <summary>The folder of a plugin that throws in ConfigureServices.</summary>
    public static string ThrowingPluginFolder => Metadata("ThrowingPluginFolder");

    public static string SymmetricManifests => Path.Combine(RepositoryRoot, "Plugins", "Anc.Plugins.Symmetric", "manifests");

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        ProcessStartInfo start = new("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"anc-host {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string Metadata(string key) =>
        typeof(AncHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
