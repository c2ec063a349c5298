using Anc.Scenarios;
using TorchSharp;

namespace Anc.Testing;

/// <summary>
/// Trains an experiment without a break, and again with a break: a checkpoint after round
/// <c>at</c>, a new experiment restored from it (as <c>anc-host run --resume</c> does), and the
/// rounds after. A scenario that resumes exactly gives the same figures both ways.
/// </summary>
internal static class CheckpointContinuation
{
    /// <summary>The figures of rounds <paramref name="at"/>+1 to <paramref name="total"/>, uninterrupted and resumed.</summary>
    public static (string[] Uninterrupted, string[] Resumed) Train(Func<IExperiment> create, int at, int total)
    {
        torch.set_num_threads(1);
        string[] uninterrupted;
        using (IExperiment experiment = create())
        {
            uninterrupted = Rounds(experiment, 1, total).Skip(at).ToArray();
        }

        string directory = Directory.CreateTempSubdirectory("anc-checkpoint-").FullName;
        using (IExperiment experiment = create())
        {
            _ = Rounds(experiment, 1, at).ToArray();
            experiment.SaveCheckpoint(directory);
        }

        using IExperiment resumed = create();
        resumed.RestoreCheckpoint(directory);
        return (uninterrupted, Rounds(resumed, at + 1, total).ToArray());
    }

    private static IEnumerable<string> Rounds(IExperiment experiment, int from, int to)
    {
        for (int step = from; step <= to; step++)
        {
            RoundResult round = experiment.TrainRound(step);
            yield return string.Join(' ', round.Metrics.Select(m => $"{m.Key}={m.Value:R}"));
        }
    }
}
