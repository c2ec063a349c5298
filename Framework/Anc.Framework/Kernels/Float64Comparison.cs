using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// Runs a module in float32 and an exact copy of it in float64 on the same input, back-propagates
/// the same upstream gradient through both and reports the worst disagreement. Float64 is the
/// truth here: its rounding is a billion times finer than float32's, so a float32 kernel that is
/// merely imprecise stays within <see cref="KernelCheck.Tolerance"/> and a wrong one does not.
/// </summary>
internal static class Float64Comparison
{
    /// <summary>
    /// Builds the module twice with <paramref name="build"/>, gives the second the first's weights
    /// in float64, and compares them on a uniform input in [-1, 1] of shape <paramref name="inputShape"/>.
    /// Draws from torch's generator under a fixed seed and puts the generator back as it was,
    /// so the caller's random stream is untouched.
    /// </summary>
    public static KernelCheck Compare(string name, Func<nn.Module<Tensor, Tensor>> build, long[] inputShape, Device? device = null)
    {
        device ??= CPU;
        using FixedGenerator generator = new();
        using IDisposable scope = NewDisposeScope();
        using nn.Module<Tensor, Tensor> single = build();
        using nn.Module<Tensor, Tensor> twin = build();
        twin.load_state_dict(single.state_dict());
        single.to(device).eval();
        twin.to(float64).to(device).eval();
        Tensor input = (torch.rand(inputShape, float64, device) * 2) - 1;
        Tensor input64 = input.clone().requires_grad_(true);
        Tensor input32 = input.to(float32).requires_grad_(true);
        Tensor output64 = twin.forward(input64);
        Tensor output32 = single.forward(input32);
        Tensor upstream = torch.randn(output64.shape, float64, device);
        (output64 * upstream).sum().backward();
        (output32 * upstream.to(float32)).sum().backward();

        KernelCheck worst = Part(name, "output", output64, output32);
        worst = Worse(worst, Part(name, "input gradient", input64.grad, input32.grad));
        foreach (((string parameter, Tensor truth), (_, Tensor actual)) in twin.named_parameters().Zip(single.named_parameters()))
        {
            worst = Worse(worst, Part(name, $"gradient of {parameter}", truth.grad, actual.grad));
        }

        return worst;
    }

    private static KernelCheck Part(string name, string part, Tensor? truth, Tensor? actual)
    {
        if (truth is null || actual is null)
        {
            // Neither gets a gradient (a parameter the output does not use): nothing to compare.
            return new KernelCheck(name, part, truth is null && actual is null ? 0 : double.NaN, 1);
        }

        double error = (actual.to(float64) - truth).abs().max().item<double>();
        double scale = truth.abs().max().item<double>();
        return new KernelCheck(name, part, error, scale);
    }

    private static KernelCheck Worse(KernelCheck a, KernelCheck b) =>
        double.IsNaN(b.RelativeError) || b.RelativeError > a.RelativeError ? b : a;
}
