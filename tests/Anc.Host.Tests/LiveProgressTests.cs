using Anc.Host.Console;
using Anc.Observers;
using static Anc.Host.Tests.ProgressEvents;

namespace Anc.Host.Tests;

/// <summary>Progress as a terminal shows it: a table of seeds redrawn in place by a thread of its own.</summary>
public sealed class LiveProgressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();

    [Fact]
    public void Each_seed_row_shows_its_phase_step_speed_eta_figures_and_then_its_outcome()
    {
        using LiveProgress progress = new(TextWriter.Null, ProgressConsole.Over(TextWriter.Null), _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0, 1, 2]));

        // Seeds 0 and 1 train side by side, their reports interleaved; seed 2 waits for a free slot.
        progress.OnMetrics(TrainingReport(0, 100, 1000, bob: 3.9, eve: 4.0));
        At(0.5, () => progress.OnMetrics(TrainingReport(1, 50, 1000)));
        At(1.0, () => progress.OnMetrics(TrainingReport(0, 300, 1000, bob: 0.5, eve: 3.9)));
        At(1.5, () => progress.OnMetrics(TrainingReport(1, 150, 1000, bob: 1.25, eve: 3.5)));

        IReadOnlyDictionary<string, string[]> rows = ProgressConsole.Rows(ProgressConsole.Show(progress.Frame()));
        Assert.Equal(["waiting", string.Empty, string.Empty, string.Empty, string.Empty], rows["2"]);
        // Seed 2 gets its slot: started, before its first report.
        progress.OnSeedStarted(new SeedStarted(2));
        rows = ProgressConsole.Rows(ProgressConsole.Show(progress.Frame()));
        Assert.Equal(["starting", string.Empty, string.Empty, string.Empty, string.Empty], rows["2"]);
        // Training may stop early, so its estimate is an upper bound; it counts down from the last report.
        Assert.Equal(["training", "300/1000", "200", "≤ 3s", "bob.bitsWrong 0.500  eve.bitsWrong 3.900"], rows["0"]);
        Assert.Equal(["training", "150/1000", "100", "≤ 9s", "bob.bitsWrong 1.250  eve.bitsWrong 3.500"], rows["1"]);

        // Seed 0 stops early and evaluates; seed 1 reports nothing new meanwhile.
        At(2.0, () => progress.OnMetrics(TrainingReport(0, 400, 1000)));
        At(2.5, () => progress.OnMetrics(EvaluationReport(0, 250, 1000)));
        At(3.5, () => progress.OnMetrics(EvaluationReport(0, 750, 1000)));

        rows = ProgressConsole.Rows(ProgressConsole.Show(progress.Frame()));
        Assert.Equal(["evaluation", "750/1000", "500", "1s", "freshEve1.bitsWrong 3.800"], rows["0"]);
        Assert.Equal(["training", "150/1000", "100", "≤ 7s", "bob.bitsWrong 1.250  eve.bitsWrong 3.500"], rows["1"]);

        At(4.0, () => progress.OnSeedCompleted(Succeeded(0, 400)));
        At(4.0, () => progress.OnMetrics(TrainingReport(2, 100, 1000)));
        At(4.5, () => progress.OnSeedCompleted(Crashed(1, 150)));

        string frame = ProgressConsole.Show(progress.Frame());
        rows = ProgressConsole.Rows(frame);
        Assert.Equal(["succeeded", "400", string.Empty, string.Empty, "Bob 0.004 bits wrong; best fresh Eve 3.800"], rows["0"]);
        Assert.Equal(["crashed", "150", string.Empty, string.Empty, "InvalidOperationException: boom"], rows["1"]);
        Assert.Equal(["training", "100/1000", "-", "-", "bob.bitsWrong 0.500  eve.bitsWrong 3.900"], rows["2"]);
        Assert.Contains("2 of 3 seed(s) finished, 5s elapsed", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void The_display_redraws_on_its_own_and_ends_with_a_frame_of_every_outcome_between_plain_first_and_last_lines()
    {
        SharedWriter output = new();
        LiveProgress progress = new(output, ProgressConsole.Over(output), _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0, 1]));
        progress.OnMetrics(TrainingReport(1, 100, 1000));
        At(1.0, () => progress.OnMetrics(TrainingReport(0, 100, 1000)));
        At(1.0, () => progress.OnMetrics(TrainingReport(1, 300, 1000)));

        // No further call: the display's own thread draws what the observer recorded.
        Assert.True(SpinWait.SpinUntil(() => output.Text.Contains("300/1000", StringComparison.Ordinal), Patience), output.Text);

        progress.OnSeedCompleted(Succeeded(1, 1000));
        progress.OnSeedCompleted(Failed(0, 1000));
        progress.OnRunCompleted(new RunCompleted("/runs/exp/1", 0.5));
        string text = output.Text;

        Assert.StartsWith("Run exp: 2 seed(s), writing /runs/exp/1" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine + "Success rate 0.5; run directory /runs/exp/1" + Environment.NewLine, text, StringComparison.Ordinal);
        IReadOnlyDictionary<string, string[]> last = ProgressConsole.Rows(text[text.LastIndexOf('╭')..]);
        Assert.Equal(["failed", "1000", string.Empty, string.Empty, "Bob 2.100 bits wrong"], last["0"]);
        Assert.Equal(["succeeded", "1000", string.Empty, string.Empty, "Bob 0.004 bits wrong; best fresh Eve 3.800"], last["1"]);

        // The display's thread has ended: nothing is drawn after the last line.
        Thread.Sleep(3 * LiveProgress.RefreshPeriod);
        Assert.Equal(text, output.Text);
        progress.Dispose();
    }

    [Fact]
    public void With_more_seeds_than_the_terminal_has_lines_the_running_seeds_and_the_latest_outcomes_are_shown()
    {
        using LiveProgress progress = new(TextWriter.Null, ProgressConsole.Over(TextWriter.Null, height: 16), _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [.. Enumerable.Range(0, 30)]));
        for (int seed = 0; seed < 20; seed++)
        {
            progress.OnSeedCompleted(Succeeded(seed, 1000));
        }

        progress.OnMetrics(TrainingReport(20, 100, 1000));
        progress.OnMetrics(TrainingReport(21, 100, 1000));

        string frame = ProgressConsole.Show(progress.Frame());

        // 16 lines leave room for 10 rows: the 2 running seeds and the 8 latest to finish.
        Assert.Equal(["12", "13", "14", "15", "16", "17", "18", "19", "20", "21"], ProgressConsole.Rows(frame).Keys);
        Assert.Contains("20 of 30 seed(s) finished, 0s elapsed; not shown: 12 finished, 8 waiting", frame, StringComparison.Ordinal);

        // The last frame is not redrawn, so it may be as tall as it needs.
        Assert.Equal(30, ProgressConsole.Rows(ProgressConsole.Show(progress.Frame(last: true))).Count);
    }

    [Fact]
    public void While_running_each_seed_keeps_to_one_line_and_the_last_frame_shows_whole_verdicts()
    {
        // A terminal of 80 columns: too narrow for the verdict or every figure.
        using LiveProgress progress = new(TextWriter.Null, ProgressConsole.Over(TextWriter.Null, width: 80), _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0, 1]));
        progress.OnSeedCompleted(SucceededAtLength(0, 600));
        progress.OnMetrics(TrainingReport(1, 100, 1000));

        string running = ProgressConsole.Show(progress.Frame(), width: 80);
        string last = ProgressConsole.Show(progress.Frame(last: true), width: 80);

        // The header and one line per seed; what does not fit ends in an ellipsis, figures whole or not at all.
        Assert.Equal(3, running.Split('\n').Count(l => l.StartsWith("│ ", StringComparison.Ordinal)));
        Assert.Equal("Bob 0.121 of 8 bits wrong (at…", ProgressConsole.Rows(running)["0"][4]);
        Assert.Equal("bob.bitsWrong 0.500  …", ProgressConsole.Rows(running)["1"][4]);
        Assert.Contains("chance is 4).", last, StringComparison.Ordinal);
        Assert.True(last.Split('\n').Count(l => l.StartsWith("│ ", StringComparison.Ordinal)) > 3, last);
    }

    private void At(double second, Action report)
    {
        TimeSpan now = _clock.GetElapsedTime(0);
        _clock.Advance(TimeSpan.FromSeconds(second) - now);
        report();
    }
}
