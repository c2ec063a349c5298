using Anc.Components;
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
    [InlineData(MixTransformVariant.Paper, 32, 16)]
    [InlineData(MixTransformVariant.Reference, 32, 16)]
    [InlineData(MixTransformVariant.Paper, 16, 16)]
    [InlineData(MixTransformVariant.Paper, 7, 3)]
    [InlineData(MixTransformVariant.Reference, 13, 5)]
    // Wide enough that the first convolution's band is too large and its windows are unfolded instead.
    [InlineData(MixTransformVariant.Paper, 16, 400)]
    public void The_matrix_products_compute_the_same_function_and_gradients_as_the_layers(MixTransformVariant variant, int input, int output)
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(7);
        NetworkShape shape = new(input, output);
        using nn.Module<Tensor, Tensor> layers = Build(variant, MixTransformImplementation.Layers, shape);
        using nn.Module<Tensor, Tensor> optimised = Build(variant, MixTransformImplementation.MatrixProducts, shape);
        // Non-zero biases everywhere, so a misplaced bias shows.
        using (torch.no_grad())
        {
            foreach (Tensor parameter in layers.parameters())
            {
                parameter.uniform_(-1, 1);
            }
        }

        optimised.load_state_dict(layers.state_dict());
        Tensor x = torch.rand(64, input) * 2 - 1;
        Tensor upstream = torch.randn(64, output);
        Tensor xLayers = x.clone().requires_grad_(true);
        Tensor xOptimised = x.clone().requires_grad_(true);

        Tensor yLayers = layers.forward(xLayers);
        Tensor yOptimised = optimised.forward(xOptimised);
        (yLayers * upstream).sum().backward();
        (yOptimised * upstream).sum().backward();

        Assert.Equal(yLayers.shape, yOptimised.shape);
        AssertClose(yLayers, yOptimised, "output");
        AssertClose(xLayers.grad!, xOptimised.grad!, "input gradient");
        foreach (((string name, Tensor expected), (_, Tensor actual)) in layers.named_parameters().Zip(optimised.named_parameters()))
        {
            AssertClose(expected.grad!, actual.grad!, $"gradient of {name}");
        }
    }

    private static nn.Module<Tensor, Tensor> Build(MixTransformVariant variant, MixTransformImplementation implementation, NetworkShape shape) =>
        new MixTransformArchitecture(new MixTransformOptions { Variant = variant, Implementation = implementation }).Build(shape);

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        double difference = (expected - actual).abs().max().item<float>();
        double scale = Math.Max(expected.abs().max().item<float>(), 1e-3);
        Assert.True(difference <= 1e-5 * scale + 1e-6, $"{what}: largest difference {difference} (largest value {scale})");
    }
}
