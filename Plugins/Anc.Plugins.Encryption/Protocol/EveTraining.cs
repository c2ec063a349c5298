using Anc.Plugins.Encryption.Losses;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>Eve's training step and measurement, shared by the trained Eve and the fresh ones.</summary>
internal static class EveTraining
{
    // Every reported figure is in bits wrong, whatever loss Eve trains with.
    private static readonly L1BitsLoss BitsWrongLoss = new();

    /// <summary>One step of Eve on one batch, <paramref name="loss"/> of her guesses from <paramref name="input"/>; returns the loss.</summary>
    public static Tensor Step(nn.Module<Tensor, Tensor> eve, AdamOptimizer optimizer, Func<Tensor, Tensor> loss, Tensor input)
    {
        Tensor value = loss(eve.forward(input));
        optimizer.ZeroGrad();
        value.backward();
        optimizer.Step();
        return value;
    }

    /// <summary>
    /// Takes Eve's weights out of (or back into) autograd: the defenders need the gradient through
    /// her network, not her own, and leaving them out saves that work.
    /// </summary>
    public static void SetTrainable(IEnumerable<Parameter> parameters, bool trainable)
    {
        foreach (Parameter parameter in parameters)
        {
            parameter.requires_grad = trainable;
        }
    }

    /// <summary>Bits wrong of <paramref name="guesses"/> of <paramref name="plaintext"/>, averaged over the batch.</summary>
    public static double BitsWrong(Tensor plaintext, Tensor guesses) => BitsWrongLoss.Compute(plaintext, guesses).item<float>();

    /// <summary>Bits wrong of <paramref name="network"/> on a batch; the tensors given belong to the caller.</summary>
    public static double BitsWrong(nn.Module<Tensor, Tensor> network, Tensor input, Tensor plaintext)
    {
        using IDisposable scope = torch.NewDisposeScope();
        using IDisposable noGrad = torch.no_grad();
        return BitsWrong(plaintext, network.forward(input));
    }
}
