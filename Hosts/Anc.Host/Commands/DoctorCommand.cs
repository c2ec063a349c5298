using System.CommandLine;
using System.Globalization;
using Anc.Host.Console;
using Anc.Kernels;
using Anc.Manifests;
using Anc.Training.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TorchSharp;

namespace Anc.Host.Commands;

/// <summary>
/// <c>anc-host doctor</c>: checks torch on this machine. The native library, the processor and
/// its instruction sets, the threads, where convolutions run, and the float32 gradients of the
/// operations the built-in networks train with against float64 (with a manifest, its own
/// networks too). Exit 0 when every check passed as found, 1 when one did not, 2 on bad input.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        Argument<string?> manifest = new("manifest") { Description = "A manifest whose networks to check as well (optional).", Arity = ArgumentArity.ZeroOrOne };
        Command command = new("doctor", "Check torch on this machine: the native library, the CPU, threads, and float32 gradients of the networks' operations against float64.")
        {
            manifest,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            TextWriter output = System.Console.Out;
            string? library = Loaded(out string? failure);
            if (library is null)
            {
                output.WriteLine($"libtorch: could not be loaded: {failure}");
                return ExitCodes.Failed;
            }

            output.WriteLine($"libtorch:      {torch.__version__} (TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}), {library}");
            output.WriteLine($"CPU:           {ProcessorInfo.ThisMachine()}");
            KernelReport report;
            string? path = parse.GetValue(manifest);
            if (path is null)
            {
                output.WriteLine($"threads:       {torch.get_num_threads()} of {Environment.ProcessorCount} processors");
                report = KernelGuard.CheckThisProcess();
            }
            else
            {
                using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
                ResolvedManifest resolved = AncHostBuilder.ReadManifest(host, path, []);
                if (resolved.Threads > 0)
                {
                    torch.set_num_threads(resolved.Threads);
                }

                output.WriteLine($"threads:       {torch.get_num_threads()} of {Environment.ProcessorCount} processors (as {Path.GetFileName(resolved.SourcePath)} sets them)");
                report = host.Services.GetRequiredService<KernelGuard>().Inspect(resolved, host.Services.GetRequiredService<TorchDevices>().Resolve(resolved.Device));
            }

            output.WriteLine($"convolutions:  {Where(report.OneDnnConvolutions)} ({KernelGuard.SettingVariable}={report.Setting})");
            output.WriteLine();
            Table(output, $"float32 against float64, {(report.SelfTestAfterRouting is null ? string.Empty : "as found, ")}largest error / largest value (ok below {KernelCheck.Tolerance:G1}):", report.SelfTest);
            if (report.SelfTestAfterRouting is not null)
            {
                output.WriteLine();
                output.WriteLine($"Convolutions were moved off oneDNN: {report.RoutedAround}.");
                Table(output, "float32 against float64 after that:", report.SelfTestAfterRouting);
            }

            if (path is not null)
            {
                output.WriteLine();
                Table(output, "the manifest's networks, as its runs train them:", report.Networks);
                if (report.Networks.Count == 0)
                {
                    output.WriteLine("  (none: the scenario does not say which networks it builds)");
                }
            }

            output.WriteLine();
            bool asFound = report.SelfTest.All(c => c.Passed);
            output.WriteLine((asFound, report.Correct) switch
            {
                (true, true) => "All checks passed: torch computes these gradients correctly on this machine.",
                (false, true) => "Some of torch's float32 kernels compute wrong gradients on this machine (above); runs move convolutions off oneDNN and train correctly. Code that calls torch outside ANC is not protected.",
                _ => "Some of torch's float32 kernels compute wrong gradients on this machine (above); runs whose networks use them are refused.",
            });
            return asFound && report.Correct ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static string Where(bool? oneDnn) => oneDnn switch
    {
        true => "oneDNN",
        false => "libtorch's own kernels (not oneDNN)",
        null => "as libtorch chooses (this platform's libtorch does not let ANC tell or change it)",
    };

    private static void Table(TextWriter output, string title, IReadOnlyList<KernelCheck> checks)
    {
        output.WriteLine(title);
        int width = checks.Count == 0 ? 0 : checks.Max(c => c.Name.Length);
        foreach (KernelCheck check in checks)
        {
            string error = check.RelativeError.ToString("0.0e+0", CultureInfo.InvariantCulture);
            output.WriteLine($"  {(check.Passed ? "ok   " : "WRONG")}  {check.Name.PadRight(width)}  {error}{(check.Passed ? string.Empty : $" ({check.Part})")}");
        }
    }

    /// <summary>The path of the loaded libtorch, after a first tensor; null with the reason when it does not load.</summary>
    private static string? Loaded(out string? failure)
    {
        failure = null;
        try
        {
            using torch.Tensor probe = torch.ones(1);
            const string maps = "/proc/self/maps";
            string? path = File.Exists(maps)
                ? File.ReadLines(maps).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()).FirstOrDefault(p => p is not null && p.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal))
                : null;
            return path ?? "loaded";
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException or InvalidOperationException)
        {
            failure = e.Message.Split('\n', 2)[0].Trim();
            return null;
        }
    }
}
