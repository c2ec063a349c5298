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
