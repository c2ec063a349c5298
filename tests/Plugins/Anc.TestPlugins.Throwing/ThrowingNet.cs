using Anc.Components;
using TorchSharp;

namespace Anc.TestPlugins.Throwing;

/// <summary>The architecture <see cref="ThrowingPlugin"/> registers before it throws; no host may offer it.</summary>
public sealed class ThrowingNet : IArchitecture
{
    /// <inheritdoc />
    public torch.nn.Module<torch.Tensor, torch.Tensor> Build(NetworkShape shape) => torch.nn.Linear(shape.InputWidth, shape.OutputWidth);
}
