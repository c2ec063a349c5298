using Anc.Components;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.TestPlugins.Faulty;

/// <summary>A linear layer with tanh that, after <see cref="FaultyOptions.AfterCalls"/> forward passes, fails as its options say (or, with <see cref="FaultKind.WrongGradient"/>, computes a wrong float32 gradient from the start).</summary>
public sealed class FaultyNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Linear _layer;
    private readonly FaultyOptions _options;
    private int _calls;

    /// <summary>Creates the network.</summary>
    public FaultyNetwork(NetworkShape shape, FaultyOptions options)
        : base(nameof(FaultyNetwork))
    {
        ArgumentNullException.ThrowIfNull(options);
        _layer = nn.Linear(shape.InputWidth, shape.OutputWidth);
        _options = options;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Tensor output = torch.tanh(_layer.forward(input));
        if (_options.Fault == FaultKind.WrongGradient)
        {
            return output.dtype == ScalarType.Float32 ? (output.detach() * 0.5) + (output * 0.5) : output;
        }

        if (++_calls <= _options.AfterCalls)
        {
            return output;
        }

        return _options.Fault == FaultKind.Nan
            ? output * double.NaN
            : throw new InvalidOperationException($"the faulty network failed on purpose at forward pass {_calls}.");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layer.Dispose();
        }

        base.Dispose(disposing);
    }
}
