using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Anc.Components;
using Anc.Data;
using Anc.Diagnostics;
using Anc.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Ciphers;

/// <summary>
/// <c>anc-host protect</c>: releases a table through a trained selective protection. Each row's
/// A, B and C (the columns the run trained on, scaled as its <c>data.json</c> says) go through
/// Alice with a fresh key; the output holds only what Alice releases, D-public (in D's own
/// units) and the ciphertext, one row per input row in the same order, and never C. The keys,
/// which Bob needs to estimate D, go to a file of their own when asked for.
/// </summary>
public sealed class TableProtector
{
    private readonly TrainedRuns _runs;

    /// <summary>Creates the protector.</summary>
    public TableProtector(TrainedRuns runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _runs = runs;
    }

    /// <summary>Protects the table <paramref name="input"/> with seed <paramref name="seed"/> of the run (the first that succeeded where null) into <paramref name="output"/>, and returns the rows written.</summary>
    /// <param name="runPath">A finished selective-protection run trained on a table.</param>
    /// <param name="seed">The seed to use; null for the first that succeeded.</param>
    /// <param name="input">The table to release (.csv) with the run's A, B and C columns; others are ignored.</param>
    /// <param name="output">The released table to write; it must not exist.</param>
    /// <param name="keys">Where to write each row's key, or null to keep none.</param>
    /// <param name="keySeed">The keys' random stream; null for one seeded with 64 bits from the operating system's secure generator.</param>
    /// <exception cref="AncInputException">The run, the table or a path is wrong; nothing is written.</exception>
    public int Protect(string runPath, int? seed, string input, string output, string? keys = null, long? keySeed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        foreach (string path in new[] { output, keys }.OfType<string>())
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                throw new AncInputException($"{Path.GetFullPath(path)}: exists; protect writes new files only (choose another path, or delete it).");
            }
        }

        if (keys is not null && Path.GetFullPath(keys) == Path.GetFullPath(output))
        {
            throw new AncInputException($"{Path.GetFullPath(output)}: --output and --keys name the same file.");
        }

        using TrainedProtection protection = _runs.OpenProtection(runPath, seed);
        DataFile scales = ResultJson.ReadIfExists<DataFile>(Path.Combine(protection.RunPath, DataFile.FileName))
            ?? throw new AncInputException($"{protection.RunPath}: the run was not trained on a table (no {DataFile.FileName}); protect takes runs whose data is 'csv'.");
        ColumnScale[] read = scales.Columns.Where(c => c.Field is "a" or "b" or "c").ToArray();
        CsvTable table;
        try
        {
            table = CsvTable.Read(input, read.Select(c => c.Column).ToArray());
        }
        catch (InvalidDataException e)
        {
            throw new AncInputException(e.Message);
        }

        using IDisposable scope = torch.NewDisposeScope();
        int rows = table.Rows.Count;
        Tensor raw = torch.tensor(table.Rows.SelectMany(r => r).ToArray(), [rows, read.Length]);
        Tensor standard = raw.sub(torch.tensor(read.Select(c => c.Mean).ToArray())).div(torch.tensor(read.Select(c => c.Deviation).ToArray())).to(ScalarType.Float32);
        Tensor Field(string field) => standard.index_select(1, torch.tensor(Enumerable.Range(0, read.Length).Where(j => read[j].Field == field).Select(j => (long)j).ToArray()));

        // Without a seed, the stream's 64-bit seed comes from the operating system's secure generator.
        Tensor key = protection.NewKeys(rows, keySeed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long))));
        (Tensor dPublic, Tensor ciphertext) = protection.Protect(Field("a"), Field("b"), Field("c"), key);

        // D-public goes out in D's own units: the run's scaling undone.
        ColumnScale[] d = scales.Columns.Where(c => c.Field == "d").ToArray();
        Tensor published = dPublic.to(ScalarType.Float64).mul(torch.tensor(d.Select(c => c.Deviation).ToArray())).add(torch.tensor(d.Select(c => c.Mean).ToArray()));
        string released = Csv(
            [.. d.Select(c => $"{c.Column}_public"), .. Numbered("ciphertext", protection.CiphertextWidth)],
            torch.cat([published, ciphertext.to(ScalarType.Float64)], 1));
        string? keyText = keys is null ? null : Csv(Numbered("key", protection.KeyWidth), key.to(ScalarType.Float64));
        WriteNew(output, released);
        if (keys is not null)
        {
            WriteNew(keys, keyText!);
        }

        return rows;
    }

    private static IEnumerable<string> Numbered(string prefix, int count) => Enumerable.Range(1, count).Select(k => $"{prefix}_{k}");

    /// <summary>A CSV table: the header, then each row of <paramref name="values"/> (<c>[rows, columns]</c>, float64) in round-trip precision.</summary>
    private static string Csv(IEnumerable<string> header, Tensor values)
    {
        int width = (int)values.shape[1];
        double[] data = values.contiguous().data<double>().ToArray();
        StringBuilder text = new();
        text.AppendLine(string.Join(',', header));
        for (int i = 0; i < data.Length; i += width)
        {
            text.AppendLine(string.Join(',', data.Skip(i).Take(width).Select(v => v.ToString("G9", CultureInfo.InvariantCulture))));
        }

        return text.ToString();
    }

    /// <summary>Writes a file that must not exist yet, whole or not at all.</summary>
    private static void WriteNew(string path, string text)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string partial = $"{full}.partial-{Environment.ProcessId}";
        File.WriteAllText(partial, text);
        File.Move(partial, full, overwrite: false);
    }
}
