using Anc.Observers;

namespace Anc.Host.Console;

/// <summary>
/// Progress for logs (output redirected, as in CI): plain lines, at most one per seed every
/// <see cref="Period"/> so that logs stay short, plus the last step of each phase, and a line
/// per finished seed. Seeds training at the same time each keep their own period.
/// </summary>
internal sealed class LineProgress(TextWriter output, TimeProvider time) : IRunObserver
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, SeedProgress> _seeds = [];
    private readonly Dictionary<int, TimeSpan> _shownAt = [];

    // Seeds whose latest report has no line yet: if it was their phase's last, it still gets one.
    private readonly HashSet<int> _unshown = [];
    private long _started = time.GetTimestamp();

    public void OnRunStarted(RunStarted run)
    {
        _started = time.GetTimestamp();
        output.WriteLine(ProgressText.StartLine(run));
    }

    public void OnMetrics(MetricEvent metrics)
    {
        TimeSpan now = time.GetElapsedTime(_started);
        SeedProgress seed = Seed(metrics.Seed);
        if (seed.Phase is not null && seed.Phase != metrics.Phase)
        {
            // A phase can end before its last step (training's stopping rule); its last report is then the one before the next phase.
            ShowUnshown(seed);
        }

        seed.Record(metrics, now);
        bool last = metrics.Step >= metrics.TotalSteps;
        if (last)
        {
            Show(seed, phaseOver: true, now);
        }
        else if (!_shownAt.TryGetValue(seed.Seed, out TimeSpan shown) || now - shown >= Period)
        {
            Show(seed, phaseOver: false, now);
            _shownAt[seed.Seed] = now;
        }
        else
        {
            _unshown.Add(seed.Seed);
        }
    }

    public void OnSeedCompleted(SeedCompleted seed)
    {
        if (_seeds.TryGetValue(seed.Seed, out SeedProgress? progress))
        {
            ShowUnshown(progress);
        }

        output.WriteLine($"seed {seed.Seed} {ProgressText.Outcome(seed)} after {seed.Steps} steps: {seed.Message}");
    }

    public void OnRunCompleted(RunCompleted run) => output.WriteLine(ProgressText.SuccessLine(run));

    private SeedProgress Seed(int seed)
    {
        if (!_seeds.TryGetValue(seed, out SeedProgress? progress))
        {
            progress = new SeedProgress(seed);
            _seeds.Add(seed, progress);
        }

        return progress;
    }

    private void ShowUnshown(SeedProgress seed)
    {
        if (_unshown.Contains(seed.Seed))
        {
            Show(seed, phaseOver: true, time.GetElapsedTime(_started));
        }
    }

    private void Show(SeedProgress seed, bool phaseOver, TimeSpan now)
    {
        _unshown.Remove(seed.Seed);
        string speed = seed.StepsPerSecond is not double rate ? "speed not measured yet"
            : phaseOver || seed.Eta(now) is not TimeSpan eta ? $"{ProgressText.Rate(rate)} steps/s"
            : $"{ProgressText.Rate(rate)} steps/s, ETA {(seed.EtaIsUpperBound ? "at most " : string.Empty)}{ProgressText.Duration(eta)}";
        output.WriteLine($"seed {seed.Seed} {seed.Phase} step {seed.Step}/{seed.TotalSteps} ({speed})  {ProgressText.Figures(seed.Figures)}");
    }
}
