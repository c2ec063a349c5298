using System.Diagnostics;
using System.Reflection;

namespace Anc.Testing;

/// <summary>Runs the built anc-host (and other commands) as separate processes, as a user would.</summary>
internal static class AncHostProcess
{
    public static string RepositoryRoot => Metadata("AncRepositoryRoot");

    public static string HostAssembly => Metadata("AncHostAssembly");

    /// <summary>The built anc-worker, a cluster's worker.</summary>
    public static string WorkerAssembly => Metadata("AncWorkerAssembly");

    /// <summary>The configuration the tests were built in, which is the one the packages are packed from.</summary>
    public static string Configuration => Metadata("AncConfiguration");

    /// <summary>The folder of a test plugin that throws in ConfigureServices (tests/Plugins/Anc.TestPlugins.Throwing).</summary>
    public static string ThrowingPluginFolder =>
        Path.Combine(RepositoryRoot, "tests", "Plugins", "Anc.TestPlugins.Throwing", "bin", Configuration, "plugins", "Anc.TestPlugins.Throwing");

    /// <summary>The folder of a test plugin whose <c>faulty</c> network fails during training (tests/Plugins/Anc.TestPlugins.Faulty).</summary>
    public static string FaultyPluginFolder =>
        Path.Combine(RepositoryRoot, "tests", "Plugins", "Anc.TestPlugins.Faulty", "bin", Configuration, "plugins", "Anc.TestPlugins.Faulty");

    public static string EncryptionManifests => Path.Combine(RepositoryRoot, "Plugins", "Anc.Plugins.Encryption", "manifests");

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunDotnet(workingDirectory, timeout, new Dictionary<string, string?>(), [HostAssembly, .. arguments]);

    /// <summary>Starts the built anc-host with <paramref name="arguments"/> and returns at once, its output redirected, for a test that acts on the running process.</summary>
    public static Process Begin(string workingDirectory, params string[] arguments) => BeginAssembly(HostAssembly, workingDirectory, arguments);

    /// <summary>Starts the built assembly <paramref name="assembly"/> (anc-host, anc-worker) and returns at once, its output redirected.</summary>
    public static Process BeginAssembly(string assembly, string workingDirectory, params string[] arguments) =>
        BeginAssembly(assembly, workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>As <see cref="BeginAssembly(string, string, string[])"/>, with <paramref name="environment"/>'s variables set.</summary>
    public static Process BeginAssembly(string assembly, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        ProcessStartInfo start = new("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach ((string key, string? value) in environment)
        {
            start.Environment[key] = value;
        }

        foreach (string argument in (string[])[assembly, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/>; <paramref name="environment"/> sets
    /// (or, with a null value, removes) variables. The test runner's own MSBuild variables are
    /// removed so that a nested build behaves as it would in a user's shell.
    /// </summary>
    public static (int ExitCode, string Output, string Error) RunDotnet(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start("dotnet", workingDirectory, timeout, environment, arguments);

    /// <summary>Runs a program, such as an installed tool, with the environment <see cref="RunDotnet"/> gives.</summary>
    public static (int ExitCode, string Output, string Error) RunProgram(string program, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Start(program, workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    private static (int ExitCode, string Output, string Error) Start(
        string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, string[] arguments)
    {
        ProcessStartInfo start = new(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string inherited in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach ((string key, string? value) in environment)
        {
            start.Environment[key] = value;
        }

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
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string Metadata(string key) =>
        typeof(AncHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
