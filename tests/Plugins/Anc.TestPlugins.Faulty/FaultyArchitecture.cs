using Anc.Components;
using static TorchSharp.torch;

namespace Anc.TestPlugins.Faulty;

/// <summary>Builds <see cref="FaultyNetwork"/>s.</summary>
public sealed class FaultyArchitecture(FaultyOptions options) : IArchitecture
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => new FaultyNetwork(shape, options);
}
