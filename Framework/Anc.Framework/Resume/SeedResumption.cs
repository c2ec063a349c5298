using Anc.Manifests;
using Anc.Observers;
using Anc.Scenarios;
using Anc.Training.Engine;
using static TorchSharp.torch;

namespace Anc.Resume;

/// <summary>
/// How a seed begins, alone (<see cref="SeedTrainer"/>) or with others
/// (<see cref="SeedGroupTrainer"/>): its experiment is created and, where the seed's folder holds
/// a checkpoint (a resumed run's unfinished seed; a new run's folders hold none), restored from
/// the latest one with torch's generator, so that a seed goes on wherever it stopped.
/// </summary>
internal static class SeedResumption
{
    /// <summary>
    /// Creates seed <paramref name="seed"/>'s experiment and restores it from its latest
    /// checkpoint; the checkpoint restored is null where there is none, or the experiment cannot
    /// resume. A checkpoint whose files cannot be read back (another version of a plugin wrote
    /// them, or they are damaged) may leave the experiment half restored, so the seed starts over
    /// with a new one rather than crash or go on from a mixture.
    /// </summary>
    public static (IExperiment Experiment, SeedCheckpoint? Restored) Start(
        ExperimentComposer composer, ResolvedManifest manifest, int seed, Device device, SeedCheckpoints checkpoints, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        IExperiment created = composer.CreateExperiment(manifest, seed, device, progress, cancellationToken);
        if (checkpoints.Latest() is not { } latest)
        {
            return (created, null);
        }

        try
        {
            created.RestoreCheckpoint(latest.Directory);
        }
        catch (NotSupportedException)
        {
            return (created, null);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            created.Dispose();
            return (composer.CreateExperiment(manifest, seed, device, progress, cancellationToken), null);
        }
        catch
        {
            created.Dispose();
            throw;
        }

        SeedCheckpoints.RestoreTorchRandom(latest);
        return (created, latest);
    }
}
