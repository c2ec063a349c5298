using Anc.Kernels;

namespace Anc.Results;

/// <summary>
/// <c>environment.json</c>: where a run ran, written when it starts: versions, machine, device,
/// threads, seeds, command line, torch's kernels as checked, and each time it was resumed.
/// </summary>
/// <param name="Framework">ANC's version.</param>
/// <param name="Plugins">The plugins loaded.</param>
/// <param name="TorchSharp">TorchSharp's version.</param>
/// <param name="Libtorch">libtorch's version.</param>
/// <param name="GitCommit">The commit of the repository the manifest lives in; null outside one.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Architecture">The processor architecture.</param>
/// <param name="Dotnet">The .NET runtime.</param>
/// <param name="Machine">The machine's name.</param>
/// <param name="Processors">Its logical processors.</param>
/// <param name="Cpu">Its CPU's model and the features that change float results.</param>
/// <param name="Device">The torch device.</param>
/// <param name="Threads">Torch's threads in the run's process.</param>
/// <param name="Seeds">The manifest's seeds.</param>
/// <param name="CommandLine">The command line that started it.</param>
/// <param name="WorkingDirectory">Where it was started.</param>
/// <param name="StartedAt">When it started, which a resumed run's summary counts from.</param>
/// <param name="Parallel">Seeds trained at once; null in files written before it was recorded.</param>
/// <param name="ThreadsPerSeed">Torch's threads per seed; null as <paramref name="Parallel"/>.</param>
/// <param name="Kernels">Torch's float32 kernels as this process found them; null as <paramref name="Parallel"/>.</param>
/// <param name="Resumes">Each resumption, oldest first; null where the run was never resumed.</param>
public sealed record EnvironmentFile(
    string Framework,
    IReadOnlyList<PluginVersion> Plugins,
    string TorchSharp,
    string Libtorch,
    string? GitCommit,
    string Os,
    string Architecture,
    string Dotnet,
    string Machine,
    int Processors,
    ProcessorInfo Cpu,
    string Device,
    int Threads,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string> CommandLine,
    string WorkingDirectory,
    DateTimeOffset StartedAt,
    int? Parallel,
    int? ThreadsPerSeed,
    KernelReport? Kernels,
    IReadOnlyList<Resumption>? Resumes)
{
    /// <summary>The file's name in a run directory.</summary>
    public const string FileName = "environment.json";

    /// <summary>The environment of the run in <paramref name="runDirectory"/>, or null where it has none.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The file is not an environment; the message names it.</exception>
    public static EnvironmentFile? ReadIfExists(string runDirectory) =>
        ResultJson.ReadIfExists<EnvironmentFile>(Path.Combine(runDirectory, FileName));
}
