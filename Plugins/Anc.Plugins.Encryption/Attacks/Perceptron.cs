using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>The multilayer perceptrons attacks train: sigmoid hidden layers of one width, then an output layer.</summary>
internal static class Perceptron
{
    /// <summary>Input, <paramref name="hiddenLayers"/> sigmoid layers of <paramref name="width"/>, output through <paramref name="activation"/> (or none).</summary>
    public static nn.Module<Tensor, Tensor> Build(int input, int width, int hiddenLayers, int output, nn.Module<Tensor, Tensor>? activation)
    {
        List<nn.Module<Tensor, Tensor>> layers = [];
        int from = input;
        for (int i = 0; i < hiddenLayers; i++)
        {
            layers.Add(nn.Linear(from, width));
            layers.Add(nn.Sigmoid());
            from = width;
        }

        layers.Add(nn.Linear(from, output));
        if (activation is not null)
        {
            layers.Add(activation);
        }

        return nn.Sequential(layers);
    }
}
