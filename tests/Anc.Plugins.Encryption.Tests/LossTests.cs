using Anc.Plugins.Encryption.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Tests;

public sealed class LossTests
{
    [Fact]
    public void L1_bits_counts_half_the_absolute_difference_summed_over_bits_and_averaged_over_the_batch()
    {
        using Tensor plaintext = torch.tensor(new float[] { 1, -1, 1, -1, 1, 1, 1, 1 }, [2, 4]);
        using Tensor estimate = torch.tensor(new float[] { 1, 1, -1, 0, 1, 1, 1, 0.5f }, [2, 4]);

        using Tensor bits = new L1BitsLoss().Compute(plaintext, estimate);

        // Row 1: 0 + 1 + 1 + 0.5 = 2.5 bits wrong; row 2: 0.25 bits wrong.
        Assert.Equal(1.375f, bits.item<float>(), 5);
    }

    [Fact]
    public void L1_bits_of_a_perfect_guess_is_zero_and_of_a_flipped_guess_is_N()
    {
        using Tensor plaintext = torch.tensor(new float[] { 1, -1, 1, -1 }, [1, 4]);

        Assert.Equal(0f, new L1BitsLoss().Compute(plaintext, plaintext).item<float>());
        Assert.Equal(4f, new L1BitsLoss().Compute(plaintext, -plaintext).item<float>());
    }

    [Fact]
    public void L1_bits_of_seeds_stacked_in_a_leading_dimension_is_each_seeds_own()
    {
        using Tensor plaintext = torch.rand(3, 16, 8) * 2 - 1;
        using Tensor estimate = torch.rand(3, 16, 8) * 2 - 1;
        L1BitsLoss loss = new();

        using Tensor stacked = loss.Compute(plaintext, estimate);

        Assert.Equal([3L], stacked.shape);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(loss.Compute(plaintext[k], estimate[k]).item<float>(), stacked[k].item<float>());
        }
    }

    [Theory]
    [InlineData(0.5, 8.0, 0.5)]
    [InlineData(0.5, 0.0, 1.5)]
    [InlineData(0.5, 16.0, 1.5)]
    [InlineData(2.0, 4.0, 2.25)]
    public void Alice_and_Bobs_loss_is_Bobs_error_plus_Eves_squared_distance_from_chance(double bob, double eve, double expected)
    {
        using Tensor loss = AliceBobLoss.Compute(torch.tensor(bob), torch.tensor(eve), bits: 16);

        Assert.Equal(expected, loss.item<double>(), 6);
    }

    [Fact]
    public void Alice_and_Bobs_loss_lets_gradients_reach_both_errors()
    {
        using Tensor bob = torch.tensor(1.0, requires_grad: true);
        using Tensor eve = torch.tensor(6.0, requires_grad: true);

        AliceBobLoss.Compute(bob, eve, bits: 16).backward();

        Assert.Equal(1.0, bob.grad!.item<double>(), 6);
        Assert.Equal(2 * (6.0 - 8.0) / 64, eve.grad!.item<double>(), 6);
    }
}
