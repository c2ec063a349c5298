using Anc.Observers;

namespace Anc.Host.Tests;

/// <summary>The events a run sends its observers, with figures like the encryption scenarios'.</summary>
internal static class ProgressEvents
{
    public static MetricEvent TrainingReport(int seed, long step, long total, double bob = 0.5, double eve = 3.9) =>
        new(seed, MetricPhase.Training, step, total, new Dictionary<string, double> { ["bob.bitsWrong"] = bob, ["eve.bitsWrong"] = eve });

    public static MetricEvent EvaluationReport(int seed, long step, long total, double freshEve = 3.8) =>
        new(seed, MetricPhase.Evaluation, step, total, new Dictionary<string, double> { ["freshEve1.bitsWrong"] = freshEve });

    public static SeedCompleted Succeeded(int seed, long steps) =>
        new(seed, "completed", true, steps, new Dictionary<string, double>(), "Bob 0.004 bits wrong; best fresh Eve 3.800");

    /// <summary>A verdict as long as the encryption scenarios' own.</summary>
    public static SeedCompleted SucceededAtLength(int seed, long steps) =>
        new(seed, "completed", true, steps, new Dictionary<string, double>(),
            "Bob 0.121 of 8 bits wrong (at most 0.8); best of 3 fresh Eves, seeing ciphertext, 2.533 bits wrong (at least 2.4; chance is 4).");

    public static SeedCompleted Failed(int seed, long steps) =>
        new(seed, "completed", false, steps, new Dictionary<string, double>(), "Bob 2.100 bits wrong");

    public static SeedCompleted Crashed(int seed, long steps) =>
        new(seed, "crashed", false, steps, new Dictionary<string, double>(), "InvalidOperationException: boom");
}
