using Anc.Plugins.Encryption.Protocol;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class BitSourceTests
{
    [Fact]
    public void Bits_are_minus_one_or_plus_one_and_about_half_each()
    {
        using BitSource source = new(7, CPU);
        using Tensor bits = source.Next(4096, 16);

        float[] values = bits.data<float>().ToArray();
        Assert.Equal([4096L, 16L], bits.shape);
        Assert.All(values, v => Assert.True(v is 1f or -1f));
        Assert.InRange(values.Count(v => v > 0) / (double)values.Length, 0.49, 0.51);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(40)]
    public void Every_bit_position_is_fair_and_independent_of_its_neighbour(int width)
    {
        using BitSource source = new(11, CPU);
        using Tensor bits = source.Next(20_000, width);

        Assert.Equal([20_000L, (long)width], bits.shape);
        using Tensor ones = bits.gt(0).to(ScalarType.Float32).mean([0]);
        Assert.InRange(ones.min().item<float>(), 0.48f, 0.52f);
        Assert.InRange(ones.max().item<float>(), 0.48f, 0.52f);
        if (width > 1)
        {
            // -1/+1 products average 0 for independent fair bits (standard deviation 1/sqrt(20000)).
            using Tensor neighbours = (bits.narrow(1, 0, width - 1) * bits.narrow(1, 1, width - 1)).mean([0]).abs();
            Assert.True(neighbours.max().item<float>() < 0.035f, $"neighbouring bits correlate: {neighbours.max().item<float>()}");
        }
    }

    [Fact]
    public void One_seed_gives_one_stream_and_another_seed_another()
    {
        using BitSource a = new(1, CPU);
        using BitSource b = new(1, CPU);
        using BitSource c = new(2, CPU);

        float[] first = a.Next(64, 8).data<float>().ToArray();
        Assert.Equal(first, b.Next(64, 8).data<float>().ToArray());
        Assert.NotEqual(first, c.Next(64, 8).data<float>().ToArray());
    }
}
