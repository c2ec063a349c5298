using Anc.Components;
using Anc.Kernels;
using Anc.Plugins.Encryption.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class MixTransformTests
{
    [Theory]
    [InlineData(32, 4, 1, 1, 2)]
    [InlineData(32, 2, 2, 0, 0)]
    [InlineData(16, 1, 1, 0, 0)]
    [InlineData(7, 2, 2, 0, 1)]
    public void Same_padding_matches_TensorFlow(int width, int window, int stride, long left, long right)
    {
        Assert.Equal([left, right], MixTransformNetwork.SamePadding(width, window, stride));
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper, 32, 16, 32 * 32 + 32 + 1 * 2 * 4 + 2 + 2 * 4 * 2 + 4 + 4 * 4 + 4 + 4 + 1)]
    [InlineData(MixTransformVariant.Reference, 32, 16, 32 * 32 + 32 + 1 * 2 * 2 + 2 + 2 * 2 + 2 + 2 + 1)]
    [InlineData(MixTransformVariant.Paper, 16, 16, 16 * 32 + 32 + 1 * 2 * 4 + 2 + 2 * 4 * 2 + 4 + 4 * 4 + 4 + 4 + 1)]
    public void The_network_has_the_papers_layers_and_maps_input_width_to_output_width(MixTransformVariant variant, int input, int output, long parameters)
    {
        using nn.Module<Tensor, Tensor> network = new MixTransformArchitecture(new MixTransformOptions { Variant = variant })
            .Build(new NetworkShape(input, output));
        using Tensor x = torch.randn(5, input);

        using Tensor y = network.forward(x);

        Assert.Equal([5L, (long)output], y.shape);
        Assert.Equal(parameters, network.parameters().Sum(p => p.numel()));
        Assert.True(y.abs().max().item<float>() < 1f, "the last layer is tanh");
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper, 32, 16)]
    [InlineData(MixTransformVariant.Reference, 32, 16)]
    [InlineData(MixTransformVariant.Paper, 7, 3)]
    [InlineData(MixTransformVariant.Reference, 96, 8)]
    public void The_size_estimate_counts_the_parameters_the_built_network_has(MixTransformVariant variant, int input, int output)
    {
        MixTransformArchitecture architecture = new(new MixTransformOptions { Variant = variant });
        using nn.Module<Tensor, Tensor> network = architecture.Build(new NetworkShape(input, output));

        NetworkSize size = architecture.EstimateSize(new NetworkShape(input, output));

        Assert.Equal(network.parameters().Sum(p => p.numel()), size.Parameters);
        // At least the input, the dense layer's output and every convolution's output.
        Assert.InRange(size.ActivationsPerExample, input + (2.0 * output) + output, double.MaxValue);
    }

    [Fact]
    public void The_size_estimate_of_an_absurd_network_does_not_overflow()
    {
        NetworkSize size = new MixTransformArchitecture(new MixTransformOptions()).EstimateSize(new NetworkShape(int.MaxValue, int.MaxValue));

        Assert.True(size.Parameters > 1e18 && double.IsFinite(size.Parameters), size.ToString());
    }

    [Fact]
    public void The_reference_variant_starts_with_zero_biases()
    {
        using nn.Module<Tensor, Tensor> network = new MixTransformArchitecture(new MixTransformOptions { Variant = MixTransformVariant.Reference })
            .Build(new NetworkShape(32, 16));

        Assert.All(network.parameters().Where(p => p.dim() == 1), b => Assert.Equal(0f, b.abs().sum().item<float>()));
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper, 32, 16, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Paper, 32, 16, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Reference, 32, 16, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Reference, 32, 16, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Paper, 16, 16, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Paper, 16, 16, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Paper, 7, 3, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Paper, 7, 3, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Reference, 13, 5, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Reference, 13, 5, MixTransformImplementation.MatrixProducts)]
    // Wide enough that the first convolution's band is too large and its windows are unfolded instead.
    [InlineData(MixTransformVariant.Paper, 16, 400, MixTransformImplementation.MatrixProducts)]
    public void In_float32_each_implementation_computes_the_layers_function_and_gradients_as_float64_does(MixTransformVariant variant, int input, int output, MixTransformImplementation implementation)
    {
        // As every run does first: where oneDNN's float32 convolutions are wrong, they are moved off it.
        KernelGuard.CheckThisProcess();
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(7);
        NetworkShape shape = new(input, output);
        using nn.Module<Tensor, Tensor> network = Build(variant, implementation, shape);
        Float64Truth.Randomise(network);
        // The truth: the paper's layers in float64 (checked against finite differences below).
        using nn.Module<Tensor, Tensor> truth = Float64Truth.InFloat64(network, () => Build(variant, MixTransformImplementation.Layers, shape));
        Tensor x = (torch.rand(64, input, float64) * 2) - 1;
        Tensor upstream = torch.randn(64, output, float64);

        Float64Truth.AssertClose(Float64Truth.Evaluate(truth, x, upstream), Float64Truth.Evaluate(network, x, upstream), $"{implementation} in float32");
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper, 7, 3, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Paper, 7, 3, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Reference, 13, 5, MixTransformImplementation.Layers)]
    [InlineData(MixTransformVariant.Reference, 13, 5, MixTransformImplementation.MatrixProducts)]
    public void In_float64_each_implementations_gradients_are_central_finite_differences(MixTransformVariant variant, int input, int output, MixTransformImplementation implementation)
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(8);
        NetworkShape shape = new(input, output);
        using nn.Module<Tensor, Tensor> network = Build(variant, implementation, shape).to(float64);
        Float64Truth.Randomise(network);
        Tensor x = (torch.rand(3, input, float64) * 2) - 1;
        Tensor upstream = torch.randn(3, output, float64);
        double Loss() => (network.forward(x) * upstream).sum().item<double>();
        Float64Truth.Evaluation exact = Float64Truth.Evaluate(network, x, upstream);

        AssertFiniteDifferences(x, exact.InputGradient, Loss, "input gradient");
        foreach (((string name, Tensor parameter), (_, Tensor gradient)) in network.named_parameters().Zip(exact.Gradients))
        {
            AssertFiniteDifferences(parameter, gradient, Loss, $"gradient of {name}");
        }
    }

    [Fact]
    public void The_comparison_with_float64_fails_a_gradient_off_by_a_hundredth_of_its_largest_value()
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(9);
        Tensor truth = torch.randn(64, 32, float64);
        Tensor rounded = truth.to(float32);
        Tensor wrong = rounded.clone();
        wrong[5, 7] += (float)(0.01 * truth.abs().max().item<double>());

        Float64Truth.AssertClose(truth, rounded, "float32 rounding");
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Float64Truth.AssertClose(truth, wrong, "one element off"));
    }

    /// <summary>
    /// Each element of <paramref name="values"/> moved by plus and minus h changes the loss by
    /// twice h times its gradient, to within the finite differences' own error (h squared).
    /// </summary>
    private static void AssertFiniteDifferences(Tensor values, Tensor gradient, Func<double> loss, string what)
    {
        const double h = 1e-6;
        Tensor flat = values.detach().view(-1);
        Tensor expected = gradient.view(-1);
        double scale = Math.Max(expected.abs().max().item<double>(), 1e-3);
        using IDisposable noGrad = torch.no_grad();
        for (long i = 0; i < flat.numel(); i++)
        {
            double original = flat[i].item<double>();
            flat[i] = original + h;
            double plus = loss();
            flat[i] = original - h;
            double minus = loss();
            flat[i] = original;
            double estimate = (plus - minus) / (2 * h);
            double exact = expected[i].item<double>();
            Assert.True(Math.Abs(estimate - exact) <= 1e-6 * scale, $"{what}[{i}]: autograd {exact}, finite differences {estimate}");
        }
    }

    private static nn.Module<Tensor, Tensor> Build(MixTransformVariant variant, MixTransformImplementation implementation, NetworkShape shape) =>
        new MixTransformArchitecture(new MixTransformOptions { Variant = variant, Implementation = implementation }).Build(shape);
}
