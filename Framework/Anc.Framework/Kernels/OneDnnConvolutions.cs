using System.Runtime.InteropServices;

namespace Anc.Kernels;

/// <summary>
/// Whether libtorch computes CPU convolutions with oneDNN (its default) or with its own
/// im2col-and-matrix-product kernels: PyTorch's <c>torch.backends.mkldnn.enabled</c>, which
/// TorchSharp does not expose. libtorch exports the switch as a member of <c>at::Context</c>, so
/// it is called by its C++ name; that works where libtorch is built with the Itanium C++ ABI
/// (Linux, macOS) and nowhere else (<see cref="Available"/> is then false). The switch is the
/// process's: it holds for every thread and every seed trained in this process.
/// </summary>
public static class OneDnnConvolutions
{
    private const string Library = "libtorch_cpu";

    private static readonly Lazy<bool> Found = new(Probe);

    /// <summary>Whether this process can read and set the switch.</summary>
    public static bool Available => Found.Value;

    /// <summary>Whether convolutions use oneDNN; <see langword="null"/> where the switch is not <see cref="Available"/>.</summary>
    public static bool? Enabled => Available ? UserEnabledMkldnn(GlobalContext()) != 0 : null;

    /// <summary>Sets the switch; false where it is not <see cref="Available"/>.</summary>
    public static bool TrySet(bool enabled)
    {
        if (!Available)
        {
            return false;
        }

        SetUserEnabledMkldnn(GlobalContext(), enabled ? (byte)1 : (byte)0);
        return (UserEnabledMkldnn(GlobalContext()) != 0) == enabled;
    }

    private static bool Probe()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return false;
        }

        try
        {
            // Loads libtorch through TorchSharp first, so the library is the one torch uses.
            _ = TorchSharp.torch.get_num_threads();
            _ = UserEnabledMkldnn(GlobalContext());
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // The signatures are blittable (a C++ bool is one byte), so no marshalling code is generated.
    // at::globalContext()
    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    // bool at::Context::userEnabledMkldnn() const
    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    private static extern byte UserEnabledMkldnn(IntPtr context);

    // void at::Context::setUserEnabledMkldnn(bool)
    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, byte enabled);
}
