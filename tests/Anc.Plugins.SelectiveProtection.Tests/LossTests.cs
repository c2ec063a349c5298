using Anc.Plugins.SelectiveProtection.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Tests;

public sealed class LossTests
{
    [Fact]
    public void Squared_error_is_the_mean_over_the_batch_and_every_value()
    {
        using Tensor target = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using Tensor estimate = torch.tensor(new float[] { 1, 0, 3, 7 }, [2, 2]);

        using Tensor error = new SquaredErrorLoss().Compute(target, estimate);

        // (0 + 4 + 0 + 9) / 4
        Assert.Equal(3.25f, error.item<float>(), 5);
    }

    [Theory]
    [InlineData(0.3, 1.2, 1.0, 1.0, 20.0, 1.5)]
    [InlineData(0.3, 1.2, 0.8, 1.0, 20.0, 5.5)]
    [InlineData(0.3, 1.2, 1.2, 1.0, 20.0, 5.5)]
    [InlineData(0.3, 1.2, 0.5, 2.0, 4.0, 4.5)]
    [InlineData(0.3, 1.2, 0.0, 1.0, 0.0, 1.5)]
    public void Alice_and_Bobs_loss_adds_Bobs_and_D_publics_errors_and_Eves_distance_from_Blind_Eve(
        double bob, double dPublic, double eve, double blindEve, double weight, double expected)
    {
        using Tensor loss = AliceBobLoss.Compute(torch.tensor(bob), torch.tensor(dPublic), torch.tensor(eve), torch.tensor(blindEve), weight);

        Assert.Equal(expected, loss.item<double>(), 6);
    }

    [Fact]
    public void Alice_and_Bobs_loss_pushes_Eve_back_to_Blind_Eve_from_either_side()
    {
        using Tensor better = torch.tensor(0.9, requires_grad: true);
        using Tensor worse = torch.tensor(1.1, requires_grad: true);
        using Tensor one = torch.tensor(1.0);

        AliceBobLoss.Compute(one, one, better, one, adversaryWeight: 20).backward();
        AliceBobLoss.Compute(one, one, worse, one, adversaryWeight: 20).backward();

        // Gradient descent raises an Eve who beats Blind Eve and lowers one who does worse.
        Assert.Equal(-20.0, better.grad!.item<double>(), 6);
        Assert.Equal(20.0, worse.grad!.item<double>(), 6);
    }
}
