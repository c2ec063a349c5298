using TorchSharp;

namespace Anc.Plugins.Encryption;

/// <summary>
/// The numbers this plugin hands torch, each one scalar for the process. A number converted at
/// every call becomes a native scalar that only a finalizer frees: it fragments the native heap
/// between collections (see <see cref="Anc.Torch.TorchGarbage"/>), and a collection that another
/// thread starts (fresh Eves train side by side) can finalize it while the call still reads it.
/// <c>Tensor.add_(other)</c> and <c>a + b</c> convert a 1 as their alpha: pass <see cref="One"/>.
/// </summary>
internal static class Scalars
{
    /// <summary>0.</summary>
    public static readonly Scalar Zero = 0;

    /// <summary>1, the alpha of an addition.</summary>
    public static readonly Scalar One = 1;

    /// <summary>2.</summary>
    public static readonly Scalar Two = 2;
}
