using Anc.Components;
using TorchSharp;
using static TorchSharp.torch;

namespace Contoso.Anc.KeyedChannel;

/// <summary>Linear layers with tanh between them and on the output, so estimates lie in [-1, 1] like the bits.</summary>
public sealed class MlpArchitecture(MlpOptions options) : IArchitecture
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape)
    {
        List<(string, nn.Module<Tensor, Tensor>)> layers = [];
        int width = shape.InputWidth;
        for (int i = 0; i < options.HiddenLayers; i++)
        {
            layers.Add(($"hidden{i}", nn.Linear(width, options.HiddenWidth)));
            layers.Add(($"tanh{i}", nn.Tanh()));
            width = options.HiddenWidth;
        }

        layers.Add(("output", nn.Linear(width, shape.OutputWidth)));
        layers.Add(("squash", nn.Tanh()));
        return nn.Sequential(layers);
    }
}
