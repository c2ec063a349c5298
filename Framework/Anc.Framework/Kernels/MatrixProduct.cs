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
    private readonly Parameter weight;

    public MatrixProduct(params long[] shape)
        : base(nameof(MatrixProduct))
    {
        weight = new Parameter(torch.rand(shape) - 0.5);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input.matmul(weight).tanh();
}
