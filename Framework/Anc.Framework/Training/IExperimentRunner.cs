using Anc.Manifests;

namespace Anc.Training;

/// <summary>
/// Runs experiments for an application that embeds ANC; <c>AddAnc</c> registers it. A run reads
/// and checks its manifest, then trains every seed on a thread of its own (training is long,
/// CPU-bound and synchronous), so the caller's thread is never held. Bad input fails the
/// returned task with <see cref="Diagnostics.AncInputException"/>, carrying the messages
/// <c>anc-host</c> prints.
/// </summary>
/// <remarks>
/// Cancelling stops training within the current round: the run directory is kept, its
/// <c>summary.json</c> says <c>cancelled</c>, and the result has <see cref="RunResult.Cancelled"/>
/// set; only a token cancelled before the run began cancels the task itself. Torch's random
/// generator and thread count belong to the process, so runs that overlap in one process are
/// not reproducible; start one after another where the figures must repeat. Seeds of one run
/// trained in parallel (<see cref="RunSettings.Parallel"/>) each have a process of their own,
/// and are.
/// </remarks>
public interface IExperimentRunner
{
    /// <summary>Runs <paramref name="manifest"/> into a new run directory under <paramref name="outputRoot"/>, one seed after another.</summary>
    /// <returns>The run's outcome, once its <c>summary.json</c> is written.</returns>
    Task<RunResult> RunAsync(ManifestSource manifest, string outputRoot, CancellationToken cancellationToken = default) =>
        RunAsync(manifest, new RunSettings(outputRoot), cancellationToken);

    /// <summary>Runs <paramref name="manifest"/> as <paramref name="settings"/> say.</summary>
    /// <returns>The run's outcome, once its <c>summary.json</c> is written.</returns>
    Task<RunResult> RunAsync(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <paramref name="manifest"/> like <see cref="RunAsync(ManifestSource, string, CancellationToken)"/>
    /// and returns at once with the run's metric events, which stream while it trains, and its outcome.
    /// </summary>
    ExperimentRun Start(ManifestSource manifest, string outputRoot, CancellationToken cancellationToken = default) =>
        Start(manifest, new RunSettings(outputRoot), cancellationToken);

    /// <summary>Starts <paramref name="manifest"/> as <paramref name="settings"/> say, returning at once with its events and its outcome.</summary>
    ExperimentRun Start(ManifestSource manifest, RunSettings settings, CancellationToken cancellationToken = default);

    /// <summary>
    /// Goes on with a run that was killed, crashed or cancelled, in its own directory and with
    /// its own <c>manifest.json</c>: seeds that completed keep their outcome, the others continue
    /// from their latest checkpoint (see <see cref="Scenarios.TrainingOptions.CheckpointEvery"/>),
    /// so that on CPU with the same threads the figures equal an uninterrupted run's.
    /// </summary>
    /// <param name="runDirectory">The run directory.</param>
    /// <param name="parallel">How many seeds train at once, as <see cref="RunSettings.Parallel"/>.</param>
    /// <param name="cancellationToken">Stops the run as <see cref="RunAsync(ManifestSource, RunSettings, CancellationToken)"/>'s does.</param>
    /// <exception cref="Diagnostics.AncInputException">The folder is not a run directory, the run has finished, or it is still running.</exception>
    Task<RunResult> ResumeAsync(string runDirectory, int parallel = 1, CancellationToken cancellationToken = default) =>
        ResumeAsync(runDirectory, new ResumeSettings { Parallel = parallel }, cancellationToken);

    /// <summary>
    /// Goes on with a run as <see cref="ResumeAsync(string, int, CancellationToken)"/> does, with
    /// the changes <paramref name="settings"/> make: a larger step limit trains a run further,
    /// a finished one too (<see cref="ResumeSettings.MaxSteps"/>); the new values are written into its
    /// <c>manifest.json</c>.
    /// </summary>
    /// <param name="runDirectory">The run directory.</param>
    /// <param name="settings">How to go on.</param>
    /// <param name="cancellationToken">Stops the run as <see cref="RunAsync(ManifestSource, RunSettings, CancellationToken)"/>'s does.</param>
    /// <exception cref="Diagnostics.AncInputException">The folder is not a run directory, the run is still running, it has finished and no larger limit was given, or the limit is not above the run's.</exception>
    Task<RunResult> ResumeAsync(string runDirectory, ResumeSettings settings, CancellationToken cancellationToken = default);
}
