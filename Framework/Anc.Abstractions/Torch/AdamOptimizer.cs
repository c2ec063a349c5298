using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Torch;

/// <summary>
/// Adam (Kingma and Ba), the optimizer of the paper, with PyTorch's update and defaults, written
/// so that a training step leaves nothing for the garbage collector: every temporary tensor and
/// every scalar it passes to torch is disposed before <see cref="Step"/> returns. TorchSharp's own
/// Adam leaves several native scalars per parameter per step to finalizers (see
/// <see cref="TorchGarbage"/>); with the banded networks' allocation pattern they made the
/// native heap grow by hundreds of KiB a round.
/// The parameters are moved into one flat buffer (each keeps its identity and values, and
/// becomes a view of the buffer), and so are their gradients and the moments, so a step is a
/// handful of operations on the whole buffer, not a handful per parameter: on the paper's
/// networks, thirty parameters, a few hundred native calls fewer per round.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    private const int FormatVersion = 1;

    // Which optimizer's buffer each parameter lives in: a second optimizer would move it out of
    // the first's, whose steps would then update nothing, so it is refused instead.
    private static readonly ConditionalWeakTable<Parameter, AdamOptimizer> Owners = [];

    private readonly Parameter[] _parameters;
    private readonly Tensor _values;
    private readonly Tensor _gradients;
    private readonly Tensor _firstMoment;
    private readonly Tensor _secondMoment;
    // Per parameter, views of the flat moments: the checkpoint and the slices of stacked seeds.
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _gradientWeight1;
    private readonly Scalar _gradientWeight2;
    private readonly Scalar _epsilon;
    private readonly Scalar _one = 1;
    private long _steps;

    /// <summary>Creates the optimizer; the moments start at zero.</summary>
    /// <param name="parameters">The parameters it updates, in a fixed order (its checkpoint follows it).</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the gradient's running mean.</param>
    /// <param name="beta2">Decay of the squared gradient's running mean.</param>
    /// <param name="epsilon">Added to the denominator, for stability.</param>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "Betas must be in [0, 1).");
        }

        _parameters = parameters.ToArray();
        Claim(_parameters);
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _values = Flatten(_parameters);
        _gradients = Buffer(_values);
        _firstMoment = Buffer(_values);
        _secondMoment = Buffer(_values);
        _firstMoments = Views(_firstMoment, _parameters);
        _secondMoments = Views(_secondMoment, _parameters);
        using (torch.no_grad())
        {
            Tensor[] gradients = Views(_gradients, _parameters);
            for (int i = 0; i < _parameters.Length; i++)
            {
                // Autograd adds into a gradient that exists, in place, so it stays a view of the buffer.
                _parameters[i].grad = gradients[i];
                gradients[i].Dispose();
            }
        }

        _beta1Scalar = beta1;
        _beta2Scalar = beta2;
        _gradientWeight1 = 1 - beta1;
        _gradientWeight2 = 1 - beta2;
        _epsilon = epsilon;
    }

    /// <summary>How many steps it has taken.</summary>
    public long Steps => _steps;

    /// <summary>Sets every parameter's gradient to zero, in place (no gradient is reallocated).</summary>
    public void ZeroGrad() => _gradients.zero_();

    /// <summary>
    /// One update of every parameter. A parameter that took no part in the backward pass has a
    /// zero gradient (its gradient always exists), as with PyTorch's zero_grad(set_to_none=False).
    /// </summary>
    public void Step()
    {
        using IDisposable noGrad = torch.no_grad();
        _steps++;
        double correction1 = 1 - Math.Pow(_beta1, _steps);
        double correction2 = 1 - Math.Pow(_beta2, _steps);
        using Scalar rootCorrection2 = Math.Sqrt(correction2);
        using Scalar stepSize = -_learningRate / correction1;
        _firstMoment.mul_(_beta1Scalar).add_(_gradients, _gradientWeight1);
        _secondMoment.mul_(_beta2Scalar).addcmul_(_gradients, _gradients, _gradientWeight2);
        using Tensor denominator = _secondMoment.sqrt();
        denominator.div_(rootCorrection2).add_(_epsilon, _one);
        _values.addcdiv_(_firstMoment, denominator, stepSize);
    }

    /// <summary>
    /// Takes <paramref name="single"/>'s state into slice <paramref name="index"/> of this
    /// optimizer's, whose parameters are stacked copies of <paramref name="single"/>'s (same
    /// order, each with a first dimension for the copies): seeds trained together start where
    /// each one's own optimizer stands. Every slice must be at the same step.
    /// </summary>
    /// <exception cref="ArgumentException">The parameters do not match, or the steps differ from the slices taken before.</exception>
    public void ReadSlice(int index, AdamOptimizer single)
    {
        CheckSlice(index, single);
        if (index > 0 && single._steps != _steps)
        {
            throw new ArgumentException($"Slice {index} is at step {single._steps}, the others at {_steps}; seeds trained together move in step.", nameof(single));
        }

        _steps = single._steps;
        using IDisposable noGrad = torch.no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            using Tensor first = _firstMoments[i][index];
            using Tensor second = _secondMoments[i][index];
            first.copy_(single._firstMoments[i]);
            second.copy_(single._secondMoments[i]);
        }
    }

    /// <summary>Puts slice <paramref name="index"/> of this optimizer's state into <paramref name="single"/>'s: the reverse of <see cref="ReadSlice"/>.</summary>
    /// <exception cref="ArgumentException">The parameters do not match.</exception>
    public void WriteSlice(int index, AdamOptimizer single)
    {
        CheckSlice(index, single);
        single._steps = _steps;
        using IDisposable noGrad = torch.no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            using Tensor first = _firstMoments[i][index];
            using Tensor second = _secondMoments[i][index];
            single._firstMoments[i].copy_(first);
            single._secondMoments[i].copy_(second);
        }
    }

    /// <summary>Writes the step count and the moments to <paramref name="path"/>, for a checkpoint.</summary>
    public void Save(string path)
    {
        using FileStream stream = File.Create(path);
        using BinaryWriter writer = new(stream);
        writer.Write(FormatVersion);
        writer.Write(_parameters.Length);
        writer.Write(_steps);
        for (int i = 0; i < _parameters.Length; i++)
        {
            _firstMoments[i].Save(writer);
            _secondMoments[i].Save(writer);
        }
    }

    /// <summary>Reads back what <see cref="Save"/> wrote, for the same parameters.</summary>
    /// <exception cref="InvalidDataException">The file is not such a state, or is for other parameters.</exception>
    public void Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using BinaryReader reader = new(stream);
        int version = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (version != FormatVersion || count != _parameters.Length)
        {
            throw new InvalidDataException($"{path} is not the state of this Adam optimizer (format {version}, {count} parameters; expected format {FormatVersion}, {_parameters.Length}).");
        }

        _steps = reader.ReadInt64();
        for (int i = 0; i < _parameters.Length; i++)
        {
            _firstMoments[i].Load(reader);
            _secondMoments[i].Load(reader);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Parameter parameter in _parameters)
        {
            if (Owners.TryGetValue(parameter, out AdamOptimizer? owner) && ReferenceEquals(owner, this))
            {
                Owners.Remove(parameter);
            }
        }

        foreach (Tensor tensor in _firstMoments.Concat(_secondMoments).Append(_firstMoment).Append(_secondMoment).Append(_gradients).Append(_values))
        {
            tensor.Dispose();
        }

        _beta1Scalar.Dispose();
        _beta2Scalar.Dispose();
        _gradientWeight1.Dispose();
        _gradientWeight2.Dispose();
        _epsilon.Dispose();
        _one.Dispose();
    }

    private void CheckSlice(int index, AdamOptimizer single)
    {
        ArgumentNullException.ThrowIfNull(single);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        bool matches = single._parameters.Length == _parameters.Length && _parameters.Zip(single._parameters).All(
            p => p.First.shape.Length == p.Second.shape.Length + 1 && index < p.First.shape[0] && p.First.shape.Skip(1).SequenceEqual(p.Second.shape));
        if (!matches)
        {
            throw new ArgumentException($"The optimizer's parameters are not slice {index} of these stacked ones (same order, one dimension fewer).", nameof(single));
        }
    }

    /// <summary>Makes this optimizer the parameters' owner; refuses parameters listed twice or owned by another optimizer.</summary>
    private void Claim(Parameter[] parameters)
    {
        if (parameters.Distinct(ReferenceEqualityComparer.Instance).Count() != parameters.Length)
        {
            throw new ArgumentException("A parameter appears more than once among an Adam optimizer's parameters.", nameof(parameters));
        }

        foreach (Parameter parameter in parameters)
        {
            if (Owners.TryGetValue(parameter, out AdamOptimizer? owner) && !ReferenceEquals(owner, this))
            {
                throw new ArgumentException($"Parameter {parameter.name ?? "(unnamed)"} is already updated by another Adam optimizer; dispose that one first (an optimizer keeps its parameters in a buffer of its own).", nameof(parameters));
            }
        }

        foreach (Parameter parameter in parameters)
        {
            Owners.AddOrUpdate(parameter, this);
        }
    }

    /// <summary>
    /// Copies the parameters into one flat buffer and makes each a view of its part: the same
    /// Parameter objects (modules and callers keep theirs) with the same values, in new storage.
    /// </summary>
    private static Tensor Flatten(Parameter[] parameters)
    {
        if (parameters.Length == 0)
        {
            return Detached(torch.zeros(0));
        }

        ScalarType type = parameters[0].dtype;
        Device device = parameters[0].device;
        if (parameters.Any(p => p.dtype != type || p.device_type != device.type || p.device_index != device.index))
        {
            throw new ArgumentException($"One Adam optimizer's parameters must share one element type and one device; these mix {string.Join(", ", parameters.Select(p => $"{p.dtype} on {p.device}").Distinct())}.", nameof(parameters));
        }

        using IDisposable noGrad = torch.no_grad();
        using IDisposable scope = torch.NewDisposeScope();
        Tensor values = Detached(torch.cat(parameters.Select(p => p.reshape(-1)).ToArray()));
        Tensor[] views = Views(values, parameters);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i].set_(views[i]);
            views[i].Dispose();
        }

        return values;
    }

    /// <summary>A zero buffer shaped as <paramref name="values"/>, living as long as the optimizer.</summary>
    private static Tensor Buffer(Tensor values) => Detached(torch.zeros_like(values));

    /// <summary>Each parameter's part of <paramref name="flat"/>, in order, shaped as the parameter.</summary>
    private static Tensor[] Views(Tensor flat, Parameter[] parameters)
    {
        Tensor[] views = new Tensor[parameters.Length];
        long offset = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            long count = parameters[i].numel();
            views[i] = Detached(flat.narrow(0, offset, count).view(parameters[i].shape));
            offset += count;
        }

        return views;
    }

    /// <summary>The buffers live as long as the optimizer, whatever scope it was created in.</summary>
    private static Tensor Detached(Tensor tensor)
    {
        tensor.DetachFromDisposeScope();
        return tensor;
    }
}
