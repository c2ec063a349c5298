using Anc.Components;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Architectures;

/// <summary>
/// A fully connected network: hidden layers with a nonlinearity, then a linear output layer,
/// because the estimates it makes (D, C) and the ciphertext it sends are real values, not bits.
/// </summary>
public sealed class DenseArchitecture : IArchitecture
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "dense";

    private readonly DenseOptions _options;

    /// <summary>Creates the architecture with its options.</summary>
    public DenseArchitecture(DenseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape)
    {
        List<(string, nn.Module<Tensor, Tensor>)> layers = [];
        int width = shape.InputWidth;
        for (int i = 0; i < _options.HiddenWidths.Count; i++)
        {
            layers.Add(($"hidden{i + 1}", nn.Linear(width, _options.HiddenWidths[i])));
            layers.Add(($"{_options.Activation.ToString().ToLowerInvariant()}{i + 1}", Activation()));
            width = _options.HiddenWidths[i];
        }

        layers.Add(("output", nn.Linear(width, shape.OutputWidth)));
        return nn.Sequential(layers);
    }

    /// <inheritdoc />
    public NetworkSize EstimateSize(NetworkShape shape)
    {
        // Each hidden layer keeps its linear output and its nonlinearity's; the output layer its own.
        double parameters = 0;
        double activations = shape.InputWidth;
        double width = shape.InputWidth;
        foreach (int hidden in _options.HiddenWidths)
        {
            parameters += (width + 1) * hidden;
            activations += 2.0 * hidden;
            width = hidden;
        }

        return new NetworkSize(parameters + ((width + 1) * shape.OutputWidth), activations + shape.OutputWidth);
    }

    private nn.Module<Tensor, Tensor> Activation() => _options.Activation switch
    {
        DenseActivation.Tanh => nn.Tanh(),
        _ => nn.ReLU(),
    };
}
