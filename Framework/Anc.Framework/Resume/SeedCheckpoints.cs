using Anc.Results;
using Anc.Scenarios;
using TorchSharp;

namespace Anc.Resume;

/// <summary>
/// A seed's <c>checkpoints/</c>: <c>step-&lt;k&gt;/</c> while it trains (the newest only) and
/// <c>final/</c> when training has ended. Each is written into a temporary folder, its
/// <c>checkpoint.json</c> last, then renamed into place, so a checkpoint is whole or absent.
/// Besides the experiment's files it holds torch's global generator (<c>torch-rng.dat</c>),
/// which plugins may draw from while training.
/// </summary>
public sealed class SeedCheckpoints(string seedDirectory)
{
    private const string TorchRandomFile = "torch-rng.dat";

    private string Root => Path.Combine(seedDirectory, "checkpoints");

    /// <summary>Writes a checkpoint of <paramref name="experiment"/> after round <paramref name="step"/>, then removes older ones.</summary>
    public void Save(IExperiment experiment, long step, double elapsedSeconds, long metricsBytes, bool final)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        string target = Path.Combine(Root, final ? "final" : $"step-{step}");
        string temporary = EmptyTemporary(target);
        Directory.CreateDirectory(temporary);
        experiment.SaveCheckpoint(temporary);
        using (torch.Tensor state = torch.random.get_rng_state())
        {
            torch.save(state, Path.Combine(temporary, TorchRandomFile));
        }

        File.WriteAllText(
            Path.Combine(temporary, CheckpointStateFile.FileName),
            ResultJson.ToText(new CheckpointStateFile(step, elapsedSeconds, metricsBytes, final)));
        Publish(temporary, target);
        foreach (string older in Directory.GetDirectories(Root, "step-*").Where(d => d != target))
        {
            Directory.Delete(older, recursive: true);
        }
    }

    /// <summary>The checkpoint to resume from: the final one if training ended, else the newest whole one; null if none.</summary>
    public SeedCheckpoint? Latest()
    {
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(Read)
            .OfType<SeedCheckpoint>()
            .OrderByDescending(c => c.Final)
            .ThenByDescending(c => c.Step)
            .FirstOrDefault();
    }

    /// <summary>
    /// Makes the final checkpoint <paramref name="final"/> the step checkpoint it would have been
    /// had training gone on (the files are the same, only the flag differs), so that the seed
    /// trains further from it (<see cref="RunExtension"/>). The final one is removed only once
    /// the step one is whole.
    /// </summary>
    public void Reopen(SeedCheckpoint final)
    {
        ArgumentNullException.ThrowIfNull(final);
        string target = Path.Combine(Root, $"step-{final.Step}");
        string temporary = EmptyTemporary(target);
        Copy(final.Directory, temporary);
        File.WriteAllText(
            Path.Combine(temporary, CheckpointStateFile.FileName),
            ResultJson.ToText(new CheckpointStateFile(final.Step, final.ElapsedSeconds, final.MetricsBytes, Final: false)));
        Publish(temporary, target);
        Directory.Delete(final.Directory, recursive: true);
    }

    /// <summary>Restores torch's global generator as <paramref name="checkpoint"/> left it.</summary>
    public static void RestoreTorchRandom(SeedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using torch.Tensor state = torch.load(Path.Combine(checkpoint.Directory, TorchRandomFile));
        torch.random.set_rng_state(state);
    }

    /// <summary>Where <paramref name="target"/> is written before it is renamed into place (hidden from <see cref="Latest"/>), emptied of what a killed writer left.</summary>
    private string EmptyTemporary(string target)
    {
        string temporary = Path.Combine(Root, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        return temporary;
    }

    private static void Publish(string temporary, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(temporary, target);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static SeedCheckpoint? Read(string directory)
    {
        return ResultJson.ReadIfExists<CheckpointStateFile>(Path.Combine(directory, CheckpointStateFile.FileName)) is { } state
            ? new SeedCheckpoint(directory, state.Step, state.ElapsedSeconds, state.MetricsBytes, state.Final)
            : null;
    }
}
