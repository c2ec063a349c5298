using Anc.Components;
using Anc.Kernels;
using Anc.Plugins.Encryption.Architectures;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class StackedMixTransformTests
{
    private static readonly NetworkShape Shape = new(32, 16);

    [Theory]
    [InlineData(MixTransformVariant.Paper, 1, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Paper, 3, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Reference, 1, MixTransformImplementation.MatrixProducts)]
    [InlineData(MixTransformVariant.Reference, 3, MixTransformImplementation.MatrixProducts)]
    // The layer by layer networks have the same parameters, so they stack too.
    [InlineData(MixTransformVariant.Paper, 3, MixTransformImplementation.Layers)]
    public void Each_stacked_network_computes_its_networks_function_and_gradients_as_float64_does(MixTransformVariant variant, int count, MixTransformImplementation implementation)
    {
        // As every run does first: where oneDNN's float32 convolutions are wrong, they are moved off it.
        KernelGuard.CheckThisProcess();
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(11);
        MixTransformNetwork[] networks = RandomNetworks(variant, implementation, count);
        using StackedMixTransformNetwork stacked = StackedMixTransformNetwork.Stack(networks);
        Tensor x = (torch.rand(count, 64, Shape.InputWidth, float64) * 2) - 1;
        Tensor upstream = torch.randn(count, 64, Shape.OutputWidth, float64);

        Float64Truth.Evaluation together = Float64Truth.Evaluate(stacked, x, upstream);

        Assert.Equal([(long)count, 64L, (long)Shape.OutputWidth], together.Output.shape);
        Assert.Equal(2 + (2 * networks[0].Layers.Count), together.Gradients.Count);
        Assert.Equal(count * networks[0].parameters().Sum(p => p.numel()), stacked.parameters().Sum(p => p.numel()));
        for (int k = 0; k < count; k++)
        {
            // The truth: network k as the paper's layers, in float64.
            using MixTransformNetwork truth = Float64Truth.InFloat64(networks[k], () => Build(variant, MixTransformImplementation.Layers, Shape));
            Float64Truth.Evaluation alone = Float64Truth.Evaluate(truth, x[k], upstream[k]);

            Float64Truth.AssertClose(alone.Output, together.Output[k], $"output of network {k}");
            Float64Truth.AssertClose(alone.InputGradient, together.InputGradient[k], $"input gradient of network {k}");
            // Stacked parameters come in the network's own order, which stacked optimizers' slices rely on.
            foreach (((string name, Tensor stackedGradient), (string own, Tensor gradient)) in together.Gradients.Zip(alone.Gradients))
            {
                Assert.Equal(gradient.shape, stackedGradient.shape.Skip(1));
                Float64Truth.AssertClose(gradient, stackedGradient[k], $"gradient of {own} ({name}) of network {k}");
            }

            networks[k].Dispose();
        }
    }

    [Theory]
    [InlineData(MixTransformVariant.Paper)]
    [InlineData(MixTransformVariant.Reference)]
    public void Copying_a_network_back_out_gives_its_weights(MixTransformVariant variant)
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(12);
        MixTransformNetwork[] networks = RandomNetworks(variant, MixTransformImplementation.MatrixProducts, 3);
        using StackedMixTransformNetwork stacked = StackedMixTransformNetwork.Stack(networks);

        for (int k = 0; k < networks.Length; k++)
        {
            using MixTransformNetwork copy = Build(variant, MixTransformImplementation.Layers, Shape);
            stacked.CopyTo(k, copy);

            foreach (((string name, Parameter expected), (_, Parameter actual)) in networks[k].named_parameters().Zip(copy.named_parameters()))
            {
                Assert.Equal(expected.shape, actual.shape);
                Assert.True((expected - actual).abs().max().item<float>() == 0f, $"{name} of network {k}");
            }

            networks[k].Dispose();
        }
    }

    [Fact]
    public void Networks_of_different_shapes_or_variants_are_not_stacked()
    {
        using IDisposable scope = torch.NewDisposeScope();
        using MixTransformNetwork paper = Build(MixTransformVariant.Paper, MixTransformImplementation.MatrixProducts, Shape);
        using MixTransformNetwork narrower = Build(MixTransformVariant.Paper, MixTransformImplementation.MatrixProducts, new NetworkShape(16, 16));
        using MixTransformNetwork reference = Build(MixTransformVariant.Reference, MixTransformImplementation.MatrixProducts, Shape);
        using StackedMixTransformNetwork stacked = StackedMixTransformNetwork.Stack([paper]);

        Assert.Throws<ArgumentException>(() => StackedMixTransformNetwork.Stack([paper, narrower]));
        Assert.Throws<ArgumentException>(() => StackedMixTransformNetwork.Stack([paper, reference]));
        Assert.Throws<ArgumentException>(() => StackedMixTransformNetwork.Stack([]));
        Assert.Throws<ArgumentException>(() => stacked.CopyTo(0, narrower));
        Assert.Throws<ArgumentOutOfRangeException>(() => stacked.CopyTo(1, paper));
    }

    [Fact]
    public void Networks_too_wide_for_a_band_matrix_are_not_stacked()
    {
        using IDisposable scope = torch.NewDisposeScope();
        // The first convolution's band would be 800 x 1600 cells, over the limit.
        using MixTransformNetwork wide = Build(MixTransformVariant.Paper, MixTransformImplementation.MatrixProducts, new NetworkShape(16, 400));

        Assert.Throws<NotSupportedException>(() => StackedMixTransformNetwork.Stack([wide]));
    }

    [Fact]
    public void Adam_on_the_stacked_networks_summed_losses_trains_each_network_as_alone()
    {
        // In float64 on both sides, so the comparison tests the stacking, not two float32 kernels' rounding.
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(13);
        const int count = 3;
        MixTransformNetwork[] networks = RandomNetworks(MixTransformVariant.Paper, MixTransformImplementation.MatrixProducts, count);
        foreach (MixTransformNetwork network in networks)
        {
            network.to(float64);
        }

        using StackedMixTransformNetwork stacked = StackedMixTransformNetwork.Stack(networks);
        Tensor x = (torch.rand(count, 32, Shape.InputWidth, float64) * 2) - 1;
        Tensor target = (torch.rand(count, 32, Shape.OutputWidth, float64) * 2) - 1;
        AdamOptimizer[] alone = networks.Select(n => new AdamOptimizer(n.parameters(), learningRate: 0.01)).ToArray();
        using AdamOptimizer together = new(stacked.parameters(), learningRate: 0.01);

        for (int step = 0; step < 20; step++)
        {
            using IDisposable stepScope = torch.NewDisposeScope();
            for (int k = 0; k < count; k++)
            {
                alone[k].ZeroGrad();
                (networks[k].forward(x[k]) - target[k]).square().mean().backward();
                alone[k].Step();
            }

            together.ZeroGrad();
            // Network k's loss depends on slice k only, so the sum's gradient in slice k is its own loss's.
            (stacked.forward(x) - target).square().mean([1, 2]).sum().backward();
            together.Step();
        }

        for (int k = 0; k < count; k++)
        {
            using MixTransformNetwork trained = Build(MixTransformVariant.Paper, MixTransformImplementation.MatrixProducts, Shape);
            trained.to(float64);
            stacked.CopyTo(k, trained);
            foreach (((string name, Parameter expected), (_, Parameter actual)) in networks[k].named_parameters().Zip(trained.named_parameters()))
            {
                Float64Truth.AssertClose(expected, actual, $"{name} of network {k} after 20 steps", 1e-9);
            }

            alone[k].Dispose();
            networks[k].Dispose();
        }
    }

    /// <summary>Networks with weights uniform in [-1, 1], non-zero biases included, so a misplaced one shows.</summary>
    private static MixTransformNetwork[] RandomNetworks(MixTransformVariant variant, MixTransformImplementation implementation, int count)
    {
        MixTransformNetwork[] networks = new MixTransformNetwork[count];
        for (int k = 0; k < count; k++)
        {
            networks[k] = Build(variant, implementation, Shape);
            Float64Truth.Randomise(networks[k]);
        }

        return networks;
    }

    /// <summary>A network of <paramref name="variant"/> and <paramref name="implementation"/> for <paramref name="shape"/>.</summary>
    private static MixTransformNetwork Build(MixTransformVariant variant, MixTransformImplementation implementation, NetworkShape shape) =>
        (MixTransformNetwork)new MixTransformArchitecture(new MixTransformOptions { Variant = variant, Implementation = implementation }).Build(shape);
}
