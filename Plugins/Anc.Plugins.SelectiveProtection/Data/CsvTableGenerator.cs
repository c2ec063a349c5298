using Anc.Components;
using Anc.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Data;

/// <summary>
/// Tuples &lt;A, B, C, D&gt; drawn from the rows of a real table (uniformly, with replacement),
/// each column standardised to mean 0 and deviation 1 over the table, so networks see the scale
/// the paper's Gaussian data has. The scales are saved in the run (<see cref="IStandardisedData"/>)
/// for <c>anc-host protect</c>. Training, validation and held-out draws all come from the same
/// rows: a fresh Eve measured on rows she may have trained on can only look stronger, not weaker.
/// </summary>
public sealed class CsvTableGenerator : IDataGenerator, IStandardisedData, IDisposable
{
    /// <summary>The name manifests use.</summary>
    public const string Name = "csv";

    private readonly float[] _values;
    private readonly int _rows;
    private readonly int _width;
    private readonly (string Field, int Start, int Width)[] _slices;
    private Tensor? _table;

    /// <summary>Reads and standardises the table the options name.</summary>
    /// <exception cref="InvalidDataException">The table is wrong; the message names the file and line.</exception>
    public CsvTableGenerator(CsvTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (string Field, string Column)[] columns = options.Columns.ToArray();
        CsvTable table = CsvTable.Read(options.Path, columns.Select(c => c.Column).ToArray());
        _rows = table.Rows.Count;
        _width = columns.Length;
        _values = new float[_rows * _width];
        List<ColumnScale> scales = [];
        for (int j = 0; j < _width; j++)
        {
            double mean = table.Rows.Average(r => r[j]);
            double deviation = Math.Sqrt(table.Rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            deviation = deviation > 0 ? deviation : 1;
            scales.Add(new ColumnScale(columns[j].Field, columns[j].Column, mean, deviation));
            for (int i = 0; i < _rows; i++)
            {
                _values[(i * _width) + j] = (float)((table.Rows[i][j] - mean) / deviation);
            }
        }

        Scales = scales;
        _slices = new[] { CorrelatedGaussianGenerator.A, CorrelatedGaussianGenerator.B, CorrelatedGaussianGenerator.C, CorrelatedGaussianGenerator.D }
            .Select(f => (f, columns.TakeWhile(c => c.Field != f).Count(), columns.Count(c => c.Field == f)))
            .ToArray();
        Fields = _slices.ToDictionary(s => s.Field, s => s.Width);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> Fields { get; }

    /// <inheritdoc />
    public IReadOnlyList<ColumnScale> Scales { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Tensor> Sample(int batchSize, Generator generator, Device device)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(device);
        _table ??= torch.tensor(_values, [_rows, _width]).to(device);
        using IDisposable scope = torch.NewDisposeScope();
        Tensor rows = torch.randint(0, _rows, [batchSize], dtype: ScalarType.Int64, device: device, generator: generator);
        Tensor drawn = _table.index_select(0, rows);
        return _slices.ToDictionary(s => s.Field, s => drawn.narrow(1, s.Start, s.Width).contiguous().MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose() => _table?.Dispose();
}
