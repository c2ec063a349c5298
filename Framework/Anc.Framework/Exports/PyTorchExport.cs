using Anc.Ciphers;
using Anc.Diagnostics;
using Anc.Results;
using TorchSharp.PyBridge;

namespace Anc.Exports;

/// <summary>
/// <c>anc-host export --format pytorch</c>: writes each finished seed's networks (adversaries'
/// included) as PyTorch <c>state_dict</c> files that Python's <c>torch.load</c> reads, each
/// seed's <c>export.json</c> (<see cref="ExportFile"/>), and <c>anc_torch.py</c>, the Python
/// module that rebuilds the built-in architectures and loads them. Nothing is written outside
/// the output folder.
/// </summary>
public sealed class PyTorchExport
{
    /// <summary>The format and version <c>export.json</c> names.</summary>
    public const string Format = "anc-pytorch-1";

    /// <summary>The Python module's file name.</summary>
    public const string PythonModule = "anc_torch.py";

    private readonly TrainedRuns _runs;

    /// <summary>Creates the exporter.</summary>
    public PyTorchExport(TrainedRuns runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _runs = runs;
    }

    /// <summary>
    /// Exports seed <paramref name="seed"/> of the run in <paramref name="runPath"/>, or every
    /// seed that finished where it is null, into <paramref name="output"/> (made where missing),
    /// and returns the seeds exported.
    /// </summary>
    /// <exception cref="AncInputException">The folder is not a run, its scenario offers no trained networks, or the seed did not finish.</exception>
    public IReadOnlyList<int> Export(string runPath, string output, int? seed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        IReadOnlyList<int> seeds = seed is { } one ? [one] : _runs.FinishedSeeds(runPath);
        if (seeds.Count == 0)
        {
            throw new AncInputException($"{Path.GetFullPath(runPath)}: no seed finished training (no checkpoints/final); nothing to export.");
        }

        // Each seed is read back before its folder is made: a seed that cannot be leaves nothing behind.
        foreach (int s in seeds)
        {
            using TrainedSeed trained = _runs.Open(runPath, s, adversaries: true);
            string folder = Path.Combine(output, $"seed-{s}");
            Directory.CreateDirectory(folder);
            List<ExportedNetwork> networks = [];
            foreach (TrainedNetwork network in trained.Descriptions)
            {
                string file = $"{network.Party}.pt";
                trained.Networks[network.Party].save_py(Path.Combine(folder, file));
                networks.Add(new ExportedNetwork(network.Party, trained.Architecture(network.Party).ToJson(), network.Shape.InputWidth, network.Shape.OutputWidth, file));
            }

            ExportFile description = new(Format, trained.RunPath, s, trained.Manifest.Scenario.ToJson(), trained.Manifest.Data?.ToJson(), networks);
            File.WriteAllText(Path.Combine(folder, "export.json"), ResultJson.ToText(description));
        }

        using Stream module = typeof(PyTorchExport).Assembly.GetManifestResourceStream(PythonModule)
            ?? throw new InvalidOperationException($"{PythonModule} is not embedded in {typeof(PyTorchExport).Assembly.GetName().Name}.");
        using FileStream target = File.Create(Path.Combine(output, PythonModule));
        module.CopyTo(target);
        return seeds;
    }
}
