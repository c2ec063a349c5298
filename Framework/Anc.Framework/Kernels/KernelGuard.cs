using System.Globalization;
using System.Runtime.CompilerServices;
using Anc.Diagnostics;
using Anc.Manifests;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// Makes sure this process trains with float32 kernels that compute the right gradients. On
/// first use it runs the <see cref="KernelSelfTest"/>; where oneDNN's convolutions fail it (as
/// libtorch 2.10's did on AVX-512 AMD processors) and <see cref="SettingVariable"/> is <c>auto</c>,
/// it moves convolutions onto libtorch's own kernels (<see cref="OneDnnConvolutions"/>) for the
/// rest of the process. Before a manifest trains, its own networks are checked against float64;
/// a manifest whose networks still compute wrong gradients here is refused.
/// </summary>
public sealed class KernelGuard
{
    /// <summary>
    /// The environment variable that says where convolutions run: <c>auto</c> (the default: on
    /// oneDNN unless it computes wrong gradients here), <c>on</c> (oneDNN, never moved) or
    /// <c>off</c> (libtorch's own kernels). Seed processes inherit it.
    /// </summary>
    public const string SettingVariable = "ANC_ONEDNN_CONVOLUTIONS";

    private static readonly Lock Gate = new();
    private static KernelReport? _process;

    private readonly NetworkGradientCheck _networks;
    private readonly ConditionalWeakTable<ResolvedManifest, KernelReport> _checked = [];

    /// <summary>Creates the guard; <paramref name="factory"/> builds the manifests' networks to check.</summary>
    public KernelGuard(ComponentFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _networks = new NetworkGradientCheck(factory);
    }

    /// <summary>
    /// The process's self-test and the routing it led to, made on the first call and kept
    /// (the switch it sets is the process's).
    /// </summary>
    /// <exception cref="AncInputException"><see cref="SettingVariable"/> has a value it cannot have here.</exception>
    public static KernelReport CheckThisProcess()
    {
        lock (Gate)
        {
            if (_process is null)
            {
                string setting = Setting();
                if (setting == "off" && !OneDnnConvolutions.TrySet(false))
                {
                    throw new AncInputException($"{SettingVariable}=off: this platform's libtorch does not let ANC move convolutions off oneDNN; unset {SettingVariable}.");
                }

                if (setting == "on")
                {
                    OneDnnConvolutions.TrySet(true);
                }

                IReadOnlyList<KernelCheck> found = KernelSelfTest.Run();
                _process = new KernelReport(setting, OneDnnConvolutions.Enabled, null, found, null, []);
                if (found.FirstOrDefault(c => KernelSelfTest.IsConvolution(c) && !c.Passed) is { } wrong)
                {
                    RouteAround(wrong);
                }
            }

            return _process;
        }
    }

    /// <summary>
    /// Checks <paramref name="manifest"/>'s networks on <paramref name="device"/> once for this
    /// process (after <see cref="CheckThisProcess"/>); the report is the process's with them added.
    /// </summary>
    /// <exception cref="AncInputException">A network computes wrong float32 gradients here, even with convolutions off oneDNN where that was tried.</exception>
    public KernelReport Check(ResolvedManifest manifest, Device device)
    {
        KernelReport report = Inspect(manifest, device);
        if (report.Networks.FirstOrDefault(c => !c.Passed) is { } wrong)
        {
            string tried = report.OneDnnConvolutions == false ? " (with convolutions off oneDNN)" : string.Empty;
            throw new AncInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{wrong.Name} computes wrong float32 gradients on this machine{tried}: its {wrong.Part} is off by {wrong.Error:G3} where float64 values reach {wrong.Scale:G3}; " +
                $"`anc-host doctor` names the torch operations at fault; train with an architecture that avoids them (for mix-transform: \"implementation\": \"matrixProducts\")."));
        }

        return report;
    }

    /// <summary>
    /// What <see cref="Check"/> finds, without refusing: the process's report with
    /// <paramref name="manifest"/>'s networks checked, convolutions moved off oneDNN first where
    /// a network fails with them and the setting allows it.
    /// </summary>
    public KernelReport Inspect(ResolvedManifest manifest, Device device)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(device);
        lock (Gate)
        {
            if (_checked.TryGetValue(manifest, out KernelReport? known))
            {
                return known;
            }

            CheckThisProcess();
            IReadOnlyList<KernelCheck> networks = _networks.Run(manifest, device);
            if (networks.FirstOrDefault(c => !c.Passed) is { } wrong && RouteAround(wrong))
            {
                networks = _networks.Run(manifest, device);
            }

            KernelReport report = _process! with { Networks = networks };
            _checked.Add(manifest, report);
            return report;
        }
    }

    /// <summary>
    /// Moves convolutions off oneDNN, because of <paramref name="wrong"/>, where the setting allows
    /// it and they are on it, and runs the self-test again; whether it moved them.
    /// </summary>
    private static bool RouteAround(KernelCheck wrong)
    {
        if (_process!.Setting != "auto" || OneDnnConvolutions.Enabled != true || !OneDnnConvolutions.TrySet(false))
        {
            return false;
        }

        _process = _process with
        {
            OneDnnConvolutions = false,
            RoutedAround = string.Create(
                CultureInfo.InvariantCulture,
                $"with oneDNN's convolutions, {wrong.Name} had its {wrong.Part} off by {wrong.Error:G3} where float64 values reach {wrong.Scale:G3}; convolutions use libtorch's own kernels instead"),
            SelfTestAfterRouting = KernelSelfTest.Run(),
        };
        return true;
    }

    private static string Setting()
    {
        string value = Environment.GetEnvironmentVariable(SettingVariable)?.Trim().ToLowerInvariant() ?? string.Empty;
        return value switch
        {
            "" or "auto" => "auto",
            "on" or "off" => value,
            _ => throw new AncInputException($"{SettingVariable}={Environment.GetEnvironmentVariable(SettingVariable)}: it must be auto, on or off; unset it for auto."),
        };
    }
}
