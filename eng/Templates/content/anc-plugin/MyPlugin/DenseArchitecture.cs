using Anc.Components;
using static TorchSharp.torch;

namespace MyPlugin;

/// <summary>An example architecture: one hidden layer, tanh on the output so estimates lie in [-1, 1] like the bits.</summary>
public sealed class DenseArchitecture(DenseOptions options) : IArchitecture
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => nn.Sequential(
        ("hidden", nn.Linear(shape.InputWidth, options.HiddenWidth)),
        ("hiddenTanh", nn.Tanh()),
        ("output", nn.Linear(options.HiddenWidth, shape.OutputWidth)),
        ("outputTanh", nn.Tanh()));
}
