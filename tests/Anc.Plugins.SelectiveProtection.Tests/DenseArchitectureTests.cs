using System.ComponentModel.DataAnnotations;
using Anc.Components;
using Anc.Plugins.SelectiveProtection.Architectures;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Tests;

public sealed class DenseArchitectureTests
{
    [Fact]
    public void The_network_maps_the_input_width_to_the_output_width_through_the_hidden_layers()
    {
        using nn.Module<Tensor, Tensor> network = new DenseArchitecture(new DenseOptions { HiddenWidths = [8, 5] }).Build(new NetworkShape(3, 2));
        using Tensor input = torch.randn(4, 3);

        using Tensor output = network.forward(input);

        Assert.Equal([4L, 2L], output.shape);
        Assert.Equal(["hidden1", "relu1", "hidden2", "relu2", "output"], network.named_children().Select(c => c.name));
        // Estimates and ciphertexts are real values: nothing squashes the output layer.
        Assert.IsType<Linear>(network.named_children().Last().module);
    }

    [Theory]
    [InlineData(3, 2, new int[] { 8, 5 })]
    [InlineData(12, 5, new int[] { })]
    [InlineData(1, 1, new int[] { 32, 32, 32 })]
    public void The_size_estimate_counts_the_parameters_the_built_network_has(int input, int output, int[] hidden)
    {
        DenseArchitecture architecture = new(new DenseOptions { HiddenWidths = [.. hidden] });
        using nn.Module<Tensor, Tensor> network = architecture.Build(new NetworkShape(input, output));

        NetworkSize size = architecture.EstimateSize(new NetworkShape(input, output));

        Assert.Equal(network.parameters().Sum(p => p.numel()), size.Parameters);
        Assert.Equal(input + (2.0 * hidden.Sum()) + output, size.ActivationsPerExample);
    }

    [Fact]
    public void Hidden_widths_must_be_positive()
    {
        DenseOptions options = new() { HiddenWidths = [8, 0] };

        ValidationResult error = Assert.Single(options.Validate(new(options)));

        Assert.Equal([nameof(DenseOptions.HiddenWidths)], error.MemberNames);
    }
}
