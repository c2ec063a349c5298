using System.Runtime.InteropServices;

namespace Anc.Kernels;

/// <summary>
/// The processor, as far as it decides torch's float results and speed: its model and the
/// vector instruction sets libtorch's kernels choose between. Float results, speed and a seed's
/// outcome can differ from one processor to another, so runs and measurements record it.
/// </summary>
/// <param name="Model">The model name, for example <c>AMD EPYC 9R14</c>; the architecture where the system does not tell.</param>
/// <param name="Vendor">The vendor, for example <c>AuthenticAMD</c>; empty where the system does not tell.</param>
/// <param name="Features">Those of <see cref="FeaturesThatMatter"/> the processor has, in that order.</param>
public sealed record ProcessorInfo(string Model, string Vendor, IReadOnlyList<string> Features)
{
    /// <summary>The instruction sets that choose libtorch's and oneDNN's CPU kernels, by their Linux names.</summary>
    public static readonly IReadOnlyList<string> FeaturesThatMatter =
        ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "asimd", "sve"];

    /// <summary>This machine's processor, read from <c>/proc/cpuinfo</c> where there is one.</summary>
    public static ProcessorInfo ThisMachine()
    {
        const string cpuinfo = "/proc/cpuinfo";
        string architecture = RuntimeInformation.ProcessArchitecture.ToString();
        if (!File.Exists(cpuinfo))
        {
            return new ProcessorInfo(architecture, string.Empty, []);
        }

        Dictionary<string, string> first = [];
        foreach (string line in File.ReadLines(cpuinfo))
        {
            if (line.Length == 0 && first.Count > 0)
            {
                break;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                first.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        string flags = first.GetValueOrDefault("flags") ?? first.GetValueOrDefault("Features") ?? string.Empty;
        HashSet<string> has = [.. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        return new ProcessorInfo(
            first.GetValueOrDefault("model name") ?? architecture,
            first.GetValueOrDefault("vendor_id") ?? first.GetValueOrDefault("CPU implementer") ?? string.Empty,
            [.. FeaturesThatMatter.Where(has.Contains)]);
    }

    /// <summary>One line: model, vendor and features.</summary>
    public override string ToString() =>
        $"{Model}{(Vendor.Length > 0 ? $" ({Vendor})" : string.Empty)}; {(Features.Count > 0 ? string.Join(' ', Features) : "none of the listed instruction sets")}";
}
