using Anc.Diagnostics;
using Anc.Hosting;
using Anc.Manifests;
using Anc.Runs;
using Anc.Training.Engine;
using TorchSharp;

namespace Anc.Training.Processes;

/// <summary>
/// The far side of <see cref="AncOptions.SeedProcess"/>: trains one seed of a parallel run in
/// this process. It reads the run directory's <c>manifest.json</c>, trains the seed into
/// <c>seed-&lt;n&gt;/</c> (its outcome in <c>outcome.json</c>), writes each metric event as a line
/// of JSON to standard output for the run to pass on, and stops, as a cancelled seed, when
/// standard input closes: that is how the run stops it, and it also ends a seed whose run died.
/// </summary>
public sealed class SeedWorker
{
    private readonly ManifestReader _reader;
    private readonly SeedTrainer _trainer;
    private readonly TorchDevices _devices;

    /// <summary>Creates a worker.</summary>
    public SeedWorker(ManifestReader reader, SeedTrainer trainer, TorchDevices devices)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(devices);
        _reader = reader;
        _trainer = trainer;
        _devices = devices;
    }

    /// <summary>Trains <paramref name="assignment"/>'s seed, reporting on standard output and stopping when standard input closes.</summary>
    /// <returns>The seed's outcome, also in its <c>outcome.json</c>.</returns>
    /// <exception cref="AncInputException">The run directory or its manifest is missing or unreadable.</exception>
    public SeedOutcome Train(SeedAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        using CancellationTokenSource stop = new();
        Thread watch = new(() =>
        {
            while (Console.In.Read() != -1)
            {
            }

            stop.Cancel();
        })
        {
            Name = "anc-seed stdin",
            IsBackground = true,
        };
        watch.Start();
        return Train(assignment, Console.Out, stop.Token);
    }

    /// <summary>Trains <paramref name="assignment"/>'s seed, writing its events to <paramref name="events"/>.</summary>
    /// <exception cref="AncInputException">The run directory or its manifest is missing or unreadable.</exception>
    public SeedOutcome Train(SeedAssignment assignment, TextWriter events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(events);
        RunDirectory run;
        try
        {
            run = RunDirectory.Open(assignment.RunDirectory);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new AncInputException(e.Message);
        }

        ResolvedManifest manifest = _reader.Read(Path.Combine(run.FullPath, "manifest.json"));
        torch.set_num_threads(Math.Max(1, assignment.Threads));
        return _trainer.Train(manifest, assignment.Seed, _devices.Resolve(manifest.Device), run, new SeedEventWriter(events), cancellationToken);
    }
}
