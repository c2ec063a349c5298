using Anc.Components;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Data;

/// <summary>
/// Tuples &lt;A, B, C, D&gt; of real values (paper section 3): A, B and C standard normal with a
/// common pairwise correlation, and D = wA·A + wB·B + wC·C + noise·ε with ε standard normal.
/// With ρ the correlation, A = √ρ·Z + √(1-ρ)·Z_A (and so for B and C) with Z shared.
/// </summary>
public sealed class CorrelatedGaussianGenerator : IDataGenerator
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "correlated-gaussian";

    /// <summary>The field names: the public inputs A and B, the sensitive C, and the value D to estimate.</summary>
    public const string A = "a", B = "b", C = "c", D = "d";

    private readonly CorrelatedGaussianOptions _options;

    /// <summary>Creates the generator with its options.</summary>
    public CorrelatedGaussianGenerator(CorrelatedGaussianOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Fields = new Dictionary<string, int> { [A] = options.Width, [B] = options.Width, [C] = options.Width, [D] = options.Width };
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> Fields { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Tensor> Sample(int batchSize, Generator generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(device);
        long[] shape = [batchSize, _options.Width];
        double rho = _options.Correlation;
        using IDisposable scope = torch.NewDisposeScope();

        // Every draw is made whatever the options, so one stream gives the same ε for any correlation.
        Tensor shared = Normal(shape, generator, device);
        Tensor Correlated() => Normal(shape, generator, device).mul_(Math.Sqrt(1 - rho)).add_(shared, alpha: Math.Sqrt(rho));
        Tensor a = Correlated();
        Tensor b = Correlated();
        Tensor c = Correlated();
        Tensor noise = Normal(shape, generator, device);
        Tensor d = a.mul(_options.WeightA).add_(b, alpha: _options.WeightB).add_(c, alpha: _options.WeightC).add_(noise, alpha: _options.Noise);
        return new Dictionary<string, Tensor>
        {
            [A] = a.MoveToOuterDisposeScope(),
            [B] = b.MoveToOuterDisposeScope(),
            [C] = c.MoveToOuterDisposeScope(),
            [D] = d.MoveToOuterDisposeScope(),
        };
    }

    private static Tensor Normal(long[] shape, Generator generator, Device device) =>
        torch.randn(shape, dtype: ScalarType.Float32, device: device, generator: generator);
}
