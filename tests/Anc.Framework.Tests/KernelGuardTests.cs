using Anc.Kernels;
using Anc.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Framework.Tests;

public sealed class KernelGuardTests
{
    [Fact]
    public void After_the_process_check_every_float32_kernel_agrees_with_float64()
    {
        using IDisposable turn = TrainingLock.Acquire();

        KernelReport report = KernelGuard.CheckThisProcess();

        // As found, oneDNN's convolutions may be wrong on this processor; then they were moved off it.
        Assert.All(report.Current, c => Assert.True(c.Passed, $"{c.Name}: {c.Part} off by {c.RelativeError:G3} of its largest value"));
        Assert.Equal(report.SelfTestAfterRouting is not null, report.RoutedAround is not null);
        Assert.Equal(report.SelfTest.Select(c => c.Name), report.Current.Select(c => c.Name));
        Assert.Contains(report.SelfTest, c => c.Name.StartsWith("conv1d 1->2 channels, window 4", StringComparison.Ordinal));
        Assert.Contains(report.SelfTest, c => c.Name.StartsWith("linear", StringComparison.Ordinal));
        Assert.Contains(report.SelfTest, c => c.Name.StartsWith("batched matmul", StringComparison.Ordinal));
    }

    [Fact]
    public void Float64_agrees_with_central_finite_differences()
    {
        KernelCheck check = Assert.Single(KernelGuard.CheckThisProcess().SelfTest, c => c.Name.Contains("finite differences", StringComparison.Ordinal));

        Assert.InRange(check.RelativeError, 0, 1e-7);
    }

    [Fact]
    public void The_comparison_with_float64_finds_a_float32_gradient_that_is_wrong_and_passes_one_that_is_right()
    {
        using IDisposable turn = TrainingLock.Acquire();
        torch.random.manual_seed(3);
        using Tensor before = torch.random.get_rng_state();

        KernelCheck wrong = Float64Comparison.Compare("half gradient", () => new HalfGradientInFloat32(8, 4), [16, 8]);
        KernelCheck right = Float64Comparison.Compare("linear", () => nn.Linear(8, 4), [16, 8]);

        Assert.False(wrong.Passed);
        Assert.InRange(wrong.RelativeError, 0.4, 0.6);
        Assert.True(right.Passed, right.ToString());
        Assert.InRange(right.RelativeError, 0, 1e-5);
        // The comparison draws under its own seed and leaves the caller's random stream as it was.
        using Tensor after = torch.random.get_rng_state();
        Assert.Equal(before.data<byte>().ToArray(), after.data<byte>().ToArray());
    }

    [Fact]
    public void With_convolutions_off_oneDNN_every_convolution_agrees_with_float64()
    {
        using IDisposable turn = TrainingLock.Acquire();
        KernelGuard.CheckThisProcess();
        Assert.True(OneDnnConvolutions.Available, "libtorch's switch is reachable on Linux");
        bool before = OneDnnConvolutions.Enabled!.Value;
        try
        {
            Assert.True(OneDnnConvolutions.TrySet(false));
            Assert.False(OneDnnConvolutions.Enabled);

            IReadOnlyList<KernelCheck> checks = KernelSelfTest.Run();

            Assert.Equal(9, checks.Count(KernelSelfTest.IsConvolution));
            Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Part} off by {c.RelativeError:G3} of its largest value"));
        }
        finally
        {
            OneDnnConvolutions.TrySet(before);
        }

        Assert.Equal(before, OneDnnConvolutions.Enabled);
    }
}
