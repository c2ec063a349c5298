using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Framework.Tests;

/// <summary>
/// A linear layer with tanh whose float32 backward pass is wrong the way a faulty float32 kernel
/// is: the same output, half the true gradient. In float64 it is right.
/// </summary>
internal sealed class HalfGradientInFloat32 : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names a module's parameters after its fields: they are its checkpoints' keys.
    private readonly Linear layer;
#pragma warning restore IDE1006

    public HalfGradientInFloat32(int input, int output)
        : base(nameof(HalfGradientInFloat32))
    {
        layer = nn.Linear(input, output);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        Tensor output = layer.forward(input).tanh();
        return output.dtype == float32 ? (output.detach() * 0.5) + (output * 0.5) : output;
    }
}
