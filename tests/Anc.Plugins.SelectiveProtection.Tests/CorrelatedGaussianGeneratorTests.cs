using Anc.Plugins.SelectiveProtection.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Tests;

public sealed class CorrelatedGaussianGeneratorTests
{
    private const int Examples = 200_000;

    [Fact]
    public void Each_field_has_the_width_asked_for()
    {
        CorrelatedGaussianGenerator generator = new(new CorrelatedGaussianOptions { Width = 3 });
        using Generator stream = new(7);

        IReadOnlyDictionary<string, Tensor> sample = generator.Sample(5, stream, CPU);

        Assert.Equal(["a", "b", "c", "d"], generator.Fields.Keys);
        Assert.All(generator.Fields.Values, w => Assert.Equal(3, w));
        Assert.All(sample.Values, t => Assert.Equal([5L, 3L], t.shape));
        Assert.All(sample.Values, t => Assert.Equal(ScalarType.Float32, t.dtype));
    }

    [Fact]
    public void By_default_D_is_A_plus_B_plus_C_plus_half_a_standard_normal_noise()
    {
        CorrelatedGaussianGenerator generator = new(new CorrelatedGaussianOptions());
        using Generator stream = new(1);

        IReadOnlyDictionary<string, Tensor> s = generator.Sample(Examples, stream, CPU);

        // A, B and C independent standard normal; D's covariance with each is its weight, 1; Var D = 3 + 0.5².
        Assert.Equal(0, Covariance(s["a"], s["b"]), 0.01);
        Assert.Equal(0, Covariance(s["a"], s["c"]), 0.01);
        Assert.Equal(1, Covariance(s["c"], s["c"]), 0.01);
        Assert.Equal(1, Covariance(s["d"], s["a"]), 0.01);
        Assert.Equal(1, Covariance(s["d"], s["b"]), 0.01);
        Assert.Equal(1, Covariance(s["d"], s["c"]), 0.01);
        Assert.Equal(3.25, Covariance(s["d"], s["d"]), 0.03);
        using Tensor noise = s["d"] - s["a"] - s["b"] - s["c"];
        Assert.Equal(0.25, Covariance(noise, noise), 0.005);
        Assert.Equal(0, Covariance(noise, s["c"]), 0.01);
    }

    [Fact]
    public void The_weights_noise_and_correlation_options_shape_the_tuples()
    {
        CorrelatedGaussianGenerator generator = new(new CorrelatedGaussianOptions { Correlation = 0.5, WeightA = 2, WeightB = 0, WeightC = -1, Noise = 0 });
        using Generator stream = new(2);

        IReadOnlyDictionary<string, Tensor> s = generator.Sample(Examples, stream, CPU);

        Assert.Equal(0.5, Covariance(s["a"], s["b"]), 0.01);
        Assert.Equal(0.5, Covariance(s["b"], s["c"]), 0.01);
        Assert.Equal(1, Covariance(s["b"], s["b"]), 0.01);
        using Tensor exact = s["a"] * 2 - s["c"];
        Assert.True(torch.allclose(exact, s["d"], atol: 1e-5), "with no noise, D is exactly 2A - C");
    }

    [Fact]
    public void A_seeded_stream_repeats_its_tuples_and_another_seed_does_not()
    {
        CorrelatedGaussianGenerator generator = new(new CorrelatedGaussianOptions { Width = 2, Correlation = 0.2 });
        using Generator first = new(42);
        using Generator again = new(42);
        using Generator other = new(43);

        IReadOnlyDictionary<string, Tensor> one = generator.Sample(64, first, CPU);
        IReadOnlyDictionary<string, Tensor> two = generator.Sample(64, again, CPU);
        IReadOnlyDictionary<string, Tensor> three = generator.Sample(64, other, CPU);

        Assert.All(one.Keys, f => Assert.True(one[f].eq(two[f]).all().item<bool>(), $"field {f} differs for the same seed"));
        Assert.All(one.Keys, f => Assert.False(one[f].eq(three[f]).all().item<bool>(), $"field {f} repeats for another seed"));
    }

    private static double Covariance(Tensor x, Tensor y)
    {
        using IDisposable scope = torch.NewDisposeScope();
        return ((x - x.mean()) * (y - y.mean())).mean().item<float>();
    }
}
