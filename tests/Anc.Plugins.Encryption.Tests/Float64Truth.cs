using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

/// <summary>
/// What network tests compare with: the same function in float64. Float32 kernels are compared
/// with it, never with each other (on AVX-512 AMD processors libtorch's float32 Conv1d backward
/// was wrong, and tests that trusted it failed there); float64 itself is compared with central
/// finite differences.
/// </summary>
internal static class Float64Truth
{
    /// <summary>
    /// The largest difference from float64, as a share of the largest float64 value, a float32
    /// result may show: float32 rounding on these networks stays below 1e-5 of it (a last
    /// kernel's gradient sums a few thousand terms); the faulty kernel was off by tens of percent.
    /// </summary>
    public const double Tolerance = 1e-4;

    /// <summary>The output, the input's gradient and each parameter's gradient, by name, of one backward pass.</summary>
    public sealed record Evaluation(Tensor Output, Tensor InputGradient, IReadOnlyList<(string Name, Tensor Gradient)> Gradients);

    /// <summary>
    /// Runs <paramref name="network"/> on <paramref name="input"/> (converted to the network's
    /// type) and back-propagates <paramref name="upstream"/>, from fresh gradients.
    /// </summary>
    public static Evaluation Evaluate(nn.Module<Tensor, Tensor> network, Tensor input, Tensor upstream)
    {
        ScalarType type = network.parameters().First().dtype;
        network.zero_grad();
        Tensor x = input.to(type).detach().requires_grad_(true);
        Tensor y = network.forward(x);
        (y * upstream.to(type)).sum().backward();
        return new Evaluation(y.detach(), x.grad!, network.named_parameters().Select(p => (p.name, p.parameter.grad!)).ToList());
    }

    /// <summary>Every part of <paramref name="actual"/> within <see cref="Tolerance"/> of <paramref name="truth"/>.</summary>
    public static void AssertClose(Evaluation truth, Evaluation actual, string what)
    {
        AssertClose(truth.Output, actual.Output, $"{what}: output");
        AssertClose(truth.InputGradient, actual.InputGradient, $"{what}: input gradient");
        Assert.Equal(truth.Gradients.Select(g => g.Name), actual.Gradients.Select(g => g.Name));
        foreach (((string name, Tensor expected), (_, Tensor gradient)) in truth.Gradients.Zip(actual.Gradients))
        {
            AssertClose(expected, gradient, $"{what}: gradient of {name}");
        }
    }

    /// <summary><paramref name="actual"/> within <paramref name="tolerance"/> of the largest value of <paramref name="truth"/>, element by element.</summary>
    public static void AssertClose(Tensor truth, Tensor actual, string what, double tolerance = Tolerance)
    {
        Assert.Equal(truth.shape, actual.shape);
        double difference = (actual.to(float64) - truth.to(float64)).abs().max().item<double>();
        double scale = truth.abs().max().item<double>();
        Assert.True(difference <= tolerance * Math.Max(scale, 1e-6), $"{what}: largest difference from float64 {difference:G3} (largest value {scale:G3})");
    }

    /// <summary>A float64 copy of <paramref name="network"/>, built by <paramref name="build"/> and given its weights.</summary>
    public static T InFloat64<T>(T network, Func<T> build)
        where T : nn.Module<Tensor, Tensor>
    {
        T copy = build();
        copy.load_state_dict(network.state_dict());
        copy.to(float64);
        return copy;
    }

    /// <summary>Sets every parameter uniform in [-1, 1], non-zero biases included, so a misplaced one shows.</summary>
    public static void Randomise(nn.Module<Tensor, Tensor> network)
    {
        using IDisposable noGrad = torch.no_grad();
        foreach (Parameter parameter in network.parameters())
        {
            parameter.uniform_(-1, 1);
        }
    }
}
