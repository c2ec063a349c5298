using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Framework.Tests;

public sealed class TorchNativeTests
{
    [Fact]
    public void Torch_loads_and_computes_a_matrix_product()
    {
        using Tensor a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using Tensor b = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using Tensor product = a.matmul(b);

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void The_output_copy_of_LibTorchSharp_has_its_GLIBCXX_3_4_32_need_weak_where_libstdcxx_lacks_it()
    {
        string library = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string libstdcxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        if (!OperatingSystem.IsLinux() || !File.Exists(libstdcxx) || !File.Exists(library))
        {
            return;
        }

        bool systemHasVersion = File.ReadAllText(libstdcxx, System.Text.Encoding.Latin1).Contains("GLIBCXX_3.4.32\0", StringComparison.Ordinal);

        ushort flags = ElfVersionNeeds.Read(library)["GLIBCXX_3.4.32"];

        Assert.Equal(!systemHasVersion, (flags & ElfVersionNeeds.Weak) != 0);
    }

    [Fact]
    public void The_package_cache_copy_of_LibTorchSharp_is_left_untouched()
    {
        string cached = Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(cached))
        {
            return;
        }

        Assert.Equal(0, ElfVersionNeeds.Read(cached)["GLIBCXX_3.4.32"] & ElfVersionNeeds.Weak);
    }
}
