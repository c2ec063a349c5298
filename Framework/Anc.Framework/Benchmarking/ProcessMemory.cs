using System.Diagnostics;
using System.Globalization;

namespace Anc.Benchmarking;

/// <summary>This process's resident memory, native allocations (libtorch's) included.</summary>
/// <param name="PeakResidentBytes">The most the process has held resident since it started.</param>
/// <param name="ResidentBytes">What it holds resident now.</param>
/// <param name="Source">Where the resident figures come from: <c>VmHWM, VmRSS</c> (Linux's <c>/proc/self/status</c>), or <c>PeakWorkingSet64, WorkingSet64</c> (<see cref="Process"/>, elsewhere).</param>
/// <param name="ManagedHeapBytes">What the .NET heap holds (<see cref="GC.GetTotalMemory"/>, garbage not yet collected included): tells growth of managed objects from growth of native memory.</param>
public sealed record ProcessMemory(long PeakResidentBytes, long ResidentBytes, string Source, long ManagedHeapBytes)
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>Reads the figures now.</summary>
    public static ProcessMemory Read()
    {
        if (OperatingSystem.IsLinux() && File.Exists(StatusFile))
        {
            long? peak = null;
            long? resident = null;
            foreach (string line in File.ReadLines(StatusFile))
            {
                peak ??= Kibibytes(line, "VmHWM:");
                resident ??= Kibibytes(line, "VmRSS:");
            }

            if (peak is not null && resident is not null)
            {
                return new ProcessMemory(peak.Value * 1024, resident.Value * 1024, "VmHWM, VmRSS", ManagedHeap());
            }
        }

        using Process process = Process.GetCurrentProcess();
        return new ProcessMemory(process.PeakWorkingSet64, process.WorkingSet64, "PeakWorkingSet64, WorkingSet64", ManagedHeap());
    }

    private static long ManagedHeap() => GC.GetTotalMemory(forceFullCollection: false);

    // A line such as "VmHWM:\t  412345 kB".
    private static long? Kibibytes(string line, string field) =>
        line.StartsWith(field, StringComparison.Ordinal)
        && long.TryParse(line[field.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : null;
}
