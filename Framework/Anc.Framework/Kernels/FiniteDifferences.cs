using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// Checks float64 itself, the truth the other checks compare with: the gradient autograd gives
/// a small convolution followed by tanh, against central finite differences of the same function.
/// </summary>
internal static class FiniteDifferences
{
    public const string Name = "float64 conv1d 1->2 channels, window 4, width 12, batch 2, against central finite differences";

    public static KernelCheck Check()
    {
        using FixedGenerator generator = new();
        using IDisposable scope = NewDisposeScope();
        Tensor input = ((torch.rand([2, 1, 12], float64) * 2) - 1).requires_grad_(true);
        Tensor weight = (torch.rand([2, 1, 4], float64) * 2) - 1;
        Tensor upstream = torch.randn([2, 2, 9], float64);
        Tensor Loss(Tensor x) => (nn.functional.conv1d(x, weight).tanh() * upstream).sum();

        Loss(input).backward();
        Tensor gradient = input.grad!;
        const double h = 1e-6;
        double error = 0, scale = 0;
        Tensor flat = input.detach().reshape(-1);
        for (int i = 0; i < flat.numel(); i++)
        {
            using IDisposable step = NewDisposeScope();
            Tensor plus = flat.clone(), minus = flat.clone();
            plus[i] += h;
            minus[i] -= h;
            double estimate = (Loss(plus.view(input.shape)).item<double>() - Loss(minus.view(input.shape)).item<double>()) / (2 * h);
            double exact = gradient.reshape(-1)[i].item<double>();
            error = Math.Max(error, Math.Abs(estimate - exact));
            scale = Math.Max(scale, Math.Abs(exact));
        }

        return new KernelCheck(Name, "input gradient", error, scale);
    }
}
