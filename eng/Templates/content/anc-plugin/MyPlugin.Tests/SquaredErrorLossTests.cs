using static TorchSharp.torch;

namespace MyPlugin.Tests;

public sealed class SquaredErrorLossTests
{
    [Fact]
    public void Guessing_zeros_against_bits_scores_one_and_the_right_bits_score_zero()
    {
        using Tensor bits = tensor(new float[] { -1, 1, 1, -1 }).reshape(2, 2);
        SquaredErrorLoss loss = new();

        Assert.Equal(1f, loss.Compute(bits, zeros_like(bits)).item<float>(), 6);
        Assert.Equal(0f, loss.Compute(bits, bits).item<float>(), 6);
    }
}
