using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// The input times a weight matrix, with <c>matmul</c>: for a stack of weights
/// <c>[count, rows, columns]</c> and an input <c>[count, batch, rows]</c> a batched product,
/// the operation stacked networks train with.
/// </summary>
internal sealed class MatrixProduct : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // TorchSharp names a module's parameters after its fields: they are its checkpoints' keys.
    private readonly Parameter weight;
#pragma warning restore IDE1006

    public MatrixProduct(params long[] shape)
        : base(nameof(MatrixProduct))
    {
        weight = new Parameter(torch.rand(shape) - 0.5);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input.matmul(weight).tanh();
}
