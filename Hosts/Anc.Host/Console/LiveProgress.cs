using Anc.Observers;
using Spectre.Console;

namespace Anc.Host.Console;

/// <summary>
/// Progress on a terminal: a table with a row per seed, redrawn in place a few times per second
/// by a thread of its own, so that the display stays current between reports and training never
/// waits for the terminal. The run's first and last lines stay plain lines, which users and
/// tests search for.
/// </summary>
/// <remarks>
/// Observer calls never overlap, but they may come from different threads (seeds training side
/// by side), and the render thread reads what they write: every access to the seeds is under
/// <see cref="_gate"/>.
/// </remarks>
internal sealed class LiveProgress(TextWriter output, IAnsiConsole console, TimeProvider time) : IRunObserver, IDisposable
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<SeedProgress> _seeds = [];
    private readonly Dictionary<int, SeedProgress> _bySeed = [];
    private readonly ManualResetEventSlim _stop = new();
    private long _started = time.GetTimestamp();
    private long _finished;
    private Thread? _renderer;
    private Exception? _failure;

    public void OnRunStarted(RunStarted run)
    {
        output.WriteLine(ProgressText.StartLine(run));
        output.Flush();
        lock (_gate)
        {
            _started = time.GetTimestamp();
            foreach (int seed in run.Seeds)
            {
                Seed(seed);
            }
        }

        _stop.Reset();
        _renderer = new Thread(Render) { Name = "anc-host progress", IsBackground = true };
        _renderer.Start();
    }

    public void OnSeedStarted(SeedStarted seed)
    {
        lock (_gate)
        {
            Seed(seed.Seed).Start();
        }
    }

    public void OnMetrics(MetricEvent metrics)
    {
        lock (_gate)
        {
            Seed(metrics.Seed).Record(metrics, time.GetElapsedTime(_started));
        }
    }

    public void OnSeedCompleted(SeedCompleted seed)
    {
        lock (_gate)
        {
            Seed(seed.Seed).Finish(seed, ++_finished);
        }
    }

    public void OnRunCompleted(RunCompleted run)
    {
        StopRendering();
        if (_failure is not null)
        {
            output.WriteLine($"warning: the progress display stopped: {_failure.Message}");
        }

        output.WriteLine(ProgressText.SuccessLine(run));
    }

    /// <summary>Stops the display where a run ends without completing (an error), so that the terminal is left usable.</summary>
    public void Dispose()
    {
        StopRendering();
        _stop.Dispose();
    }

    /// <summary>The frame as it stands now; the <paramref name="last"/> one shows every seed in full.</summary>
    internal Table Frame(bool last = false)
    {
        lock (_gate)
        {
            return ProgressTable.Build(_seeds, time.GetElapsedTime(_started), console.Profile.Width, console.Profile.Height, last);
        }
    }

    private SeedProgress Seed(int seed)
    {
        if (!_bySeed.TryGetValue(seed, out SeedProgress? progress))
        {
            progress = new SeedProgress(seed);
            _bySeed.Add(seed, progress);
            _seeds.Add(progress);
        }

        return progress;
    }

    private void StopRendering()
    {
        if (_renderer is null)
        {
            return;
        }

        _stop.Set();
        _renderer.Join();
        _renderer = null;
    }

    private void Render()
    {
        try
        {
            console.Live(Frame()).AutoClear(true).Overflow(VerticalOverflow.Ellipsis).Start(context =>
            {
                do
                {
                    context.UpdateTarget(Frame());
                    context.Refresh();
                }
                while (!_stop.Wait(RefreshPeriod));
            });

            // The redrawn frames are cleared and the last one is written as plain output instead: it
            // stays in the scrollback, and may be taller than the terminal, which a redrawn frame may not.
            console.Write(Frame(last: true));
        }
        catch (Exception e)
        {
            // A display that cannot draw must not end the training it shows.
            _failure = e;
        }
    }
}
