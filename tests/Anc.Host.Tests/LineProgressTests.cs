using Anc.Host.Console;
using Anc.Observers;
using static Anc.Host.Tests.ProgressEvents;

namespace Anc.Host.Tests;

/// <summary>Progress as a log shows it (output redirected): what lines, and how often.</summary>
public sealed class LineProgressTests
{
    private readonly ManualClock _clock = new();
    private readonly StringWriter _output = new();

    [Fact]
    public void Each_seed_gets_at_most_one_line_per_period_plus_the_last_step_of_each_phase()
    {
        LineProgress progress = new(_output, _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0, 1]));

        // Two seeds training side by side, each reporting every second; seed 1 stops early at step 400.
        for (int second = 0; second < 10; second++)
        {
            progress.OnMetrics(TrainingReport(0, 100 * (second + 1), 1000));
            _clock.Advance(TimeSpan.FromSeconds(0.5));
            if (second < 8)
            {
                progress.OnMetrics(TrainingReport(1, 50 * (second + 1), 1000));
            }
            else if (second == 8)
            {
                progress.OnMetrics(EvaluationReport(1, 100, 200));
            }
            else
            {
                progress.OnMetrics(EvaluationReport(1, 200, 200));
            }

            _clock.Advance(TimeSpan.FromSeconds(0.5));
        }

        progress.OnSeedCompleted(Succeeded(1, 400));

        Assert.Equal(
            [
                "seed 0 training step 100/1000 (speed not measured yet)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
                "seed 0 training step 600/1000 (100 steps/s, ETA at most 4s)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
                "seed 0 training step 1000/1000 (100 steps/s)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
            ],
            Lines().Where(l => l.StartsWith("seed 0 ", StringComparison.Ordinal)));
        Assert.Equal(
            [
                "seed 1 training step 50/1000 (speed not measured yet)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
                "seed 1 training step 300/1000 (50 steps/s, ETA at most 14s)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
                // Its last training step, shown when evaluation began although the period had not passed.
                "seed 1 training step 400/1000 (50 steps/s)  bob.bitsWrong 0.500  eve.bitsWrong 3.900",
                "seed 1 evaluation step 200/200 (100 steps/s)  freshEve1.bitsWrong 3.800",
                "seed 1 succeeded after 400 steps: Bob 0.004 bits wrong; best fresh Eve 3.800",
            ],
            Lines().Where(l => l.StartsWith("seed 1 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_report_held_back_by_the_period_is_shown_when_its_seed_finishes()
    {
        LineProgress progress = new(_output, _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0]));
        progress.OnMetrics(EvaluationReport(0, 100, 300));
        _clock.Advance(TimeSpan.FromSeconds(1));
        progress.OnMetrics(EvaluationReport(0, 200, 300));
        progress.OnSeedCompleted(Crashed(0, 1000));

        Assert.Equal(
            [
                "seed 0 evaluation step 100/300 (speed not measured yet)  freshEve1.bitsWrong 3.800",
                "seed 0 evaluation step 200/300 (100 steps/s)  freshEve1.bitsWrong 3.800",
                "seed 0 crashed after 1000 steps: InvalidOperationException: boom",
            ],
            Lines().Skip(1));
    }

    [Fact]
    public void The_run_starts_and_ends_with_plain_lines_and_every_finished_seed_gets_its_outcome()
    {
        LineProgress progress = new(_output, _clock);
        progress.OnRunStarted(new RunStarted("exp", "/runs/exp/1", [0, 1, 2]));
        progress.OnSeedCompleted(Succeeded(1, 400));
        progress.OnSeedCompleted(Failed(0, 1000));
        progress.OnSeedCompleted(Crashed(2, 10));
        progress.OnRunCompleted(new RunCompleted("/runs/exp/1", 1.0 / 3));

        Assert.Equal(
            [
                "Run exp: 3 seed(s), writing /runs/exp/1",
                "seed 1 succeeded after 400 steps: Bob 0.004 bits wrong; best fresh Eve 3.800",
                "seed 0 failed its criteria after 1000 steps: Bob 2.100 bits wrong",
                "seed 2 crashed after 10 steps: InvalidOperationException: boom",
                "Success rate 0.333; run directory /runs/exp/1",
            ],
            Lines());
    }

    private string[] Lines() => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
