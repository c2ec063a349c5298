using System.Diagnostics;
using System.Globalization;
using Anc.Observers;
using Anc.Training;

namespace Anc.Host.Console;

/// <summary>
/// Shows a run's progress: on a terminal one line rewritten in place (step, steps/s, each
/// party's bits wrong); in a log one line every few seconds, so CI logs stay short.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool live) : IRunObserver
{
    private static readonly TimeSpan LinePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LivePeriod = TimeSpan.FromMilliseconds(200);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown = -LinePeriod;
    private (long Step, TimeSpan At) _rateFrom;
    private string _phase = string.Empty;
    private int _width;
    private TimeSpan _seedStarted;

    public void OnRunStarted(RunStarted run)
    {
        _seedStarted = _clock.Elapsed;
        output.WriteLine($"Run {run.Experiment}: {run.Seeds.Count} seed(s), writing {run.RunDirectory}");
    }

    public void OnMetrics(MetricEvent metrics)
    {
        if (metrics.Phase != _phase)
        {
            _phase = metrics.Phase;
            // Training starts with the seed; another phase is timed from its first report.
            _rateFrom = metrics.Phase == MetricPhase.Training ? (0, _seedStarted) : (metrics.Step, _clock.Elapsed);
        }

        TimeSpan now = _clock.Elapsed;
        if (now - _lastShown < (live ? LivePeriod : LinePeriod) && metrics.Step < metrics.TotalSteps)
        {
            return;
        }

        _lastShown = now;
        double seconds = (now - _rateFrom.At).TotalSeconds;
        string rate = seconds > 0 && metrics.Step > _rateFrom.Step ? ((metrics.Step - _rateFrom.Step) / seconds).ToString("0.#", CultureInfo.InvariantCulture) + "/s" : "-";
        string values = string.Join("  ", metrics.Values.Select(v => $"{v.Key} {v.Value.ToString("0.000", CultureInfo.InvariantCulture)}"));
        string line = $"seed {metrics.Seed} {metrics.Phase} step {metrics.Step}/{metrics.TotalSteps} ({rate})  {values}";
        if (live)
        {
            output.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
        else
        {
            output.WriteLine(line);
        }
    }

    public void OnSeedCompleted(SeedCompleted seed)
    {
        EndLiveLine();
        string outcome = seed.Status == SeedStatus.Completed ? (seed.Success ? "succeeded" : "failed its criteria") : seed.Status;
        output.WriteLine($"seed {seed.Seed} {outcome} after {seed.Steps} steps: {seed.Message}");
        _phase = string.Empty;
        _seedStarted = _clock.Elapsed;
    }

    public void OnRunCompleted(RunCompleted run)
    {
        EndLiveLine();
        output.WriteLine($"Success rate {run.SuccessRate.ToString("0.###", CultureInfo.InvariantCulture)}; run directory {run.RunDirectory}");
    }

    private void EndLiveLine()
    {
        if (live && _width > 0)
        {
            output.WriteLine();
            _width = 0;
        }
    }
}
