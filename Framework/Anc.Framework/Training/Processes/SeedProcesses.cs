using System.ComponentModel;
using System.Diagnostics;
using Anc.Hosting;
using Anc.Observers;
using Anc.Results;
using Anc.Runs;
using Newtonsoft.Json;

namespace Anc.Training.Processes;

/// <summary>
/// Trains a seed of a parallel run in a process of its own, started with
/// <see cref="AncOptions.SeedProcess"/>: passes on the events it prints, keeps what it writes
/// on standard error in <c>seed-&lt;n&gt;/process.log</c>, and reads its outcome from
/// <c>seed-&lt;n&gt;/outcome.json</c>. A process that dies without one (a native crash, a kill)
/// is a crashed seed; the run and its other seeds go on.
/// </summary>
internal sealed class SeedProcesses(Func<SeedAssignment, ProcessStartInfo>? start)
{
    /// <summary>How long a cancelled seed's process has to stop before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    /// <summary>Whether the application said how to start a seed process.</summary>
    public bool Available => start is not null;

    public SeedOutcome Train(RunDirectory run, int seed, int threads, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        if (start is null)
        {
            throw new InvalidOperationException("No seed process is configured (AncOptions.SeedProcess).");
        }

        Stopwatch clock = Stopwatch.StartNew();
        string seedPath = run.SeedPath(seed);
        ProcessStartInfo info = start(new SeedAssignment(run.FullPath, seed, threads));
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using Process process = new() { StartInfo = info };
        // The log exists only when the process had something to say on standard error.
        ProcessLog log = new(Path.Combine(seedPath, "process.log"));
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return Crashed(seed, clock, $"could not start the seed's process {info.FileName}: {e.Message}");
        }

        process.BeginErrorReadLine();
        using CancellationTokenRegistration stopping = cancellationToken.Register(() => Stop(process));
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (SeedEventLine.Read(line) is { } metrics && metrics.Seed == seed)
            {
                progress.Report(metrics);
            }
        }

        process.WaitForExit();
        log.Dispose();
        try
        {
            if (SeedOutcomeFile.Read(run, seed) is { } outcome)
            {
                return outcome;
            }
        }
        catch (JsonException e)
        {
            return Crashed(seed, clock, $"the seed's process left an unreadable outcome.json ({e.Message})");
        }

        return cancellationToken.IsCancellationRequested
            ? new SeedOutcome(seed, SeedStatus.Cancelled, false, 0, new Dictionary<string, double>(), "stopped by the user", clock.Elapsed.TotalSeconds)
            : Crashed(seed, clock, $"the seed's process ended with exit code {process.ExitCode} before finishing; see seed-{seed}/process.log");
    }

    /// <summary>Closing standard input asks the process to stop; one that has not within the grace is killed.</summary>
    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        _ = Task.Delay(StopGrace).ContinueWith(_ =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                // It stopped by itself (or was disposed with the seed).
            }
        }, TaskScheduler.Default);
    }

    private static SeedOutcome Crashed(int seed, Stopwatch clock, string message) =>
        new(seed, SeedStatus.Crashed, false, 0, new Dictionary<string, double>(), message, clock.Elapsed.TotalSeconds);
}
