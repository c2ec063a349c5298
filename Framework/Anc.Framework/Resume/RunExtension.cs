using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Results;
using Anc.Runs;

namespace Anc.Resume;

/// <summary>
/// Training a run further (<c>anc-host run --resume &lt;run&gt; --set training.maxSteps=N</c>):
/// the seeds that ended at the run's step limit go on to the new one, as if it had been the
/// limit from the start, and the others keep their outcome. Before the run resumes, each such
/// seed's final checkpoint becomes the step checkpoint it would have been, its outcome and
/// evaluation and the run's summary move to <c>limit-&lt;old&gt;/</c> (kept, not lost). The
/// caller writes the new limit into the run's <c>manifest.json</c> afterwards, so that a
/// preparation cut short leaves a run that resumes to its old limit and can be extended again.
/// </summary>
internal static class RunExtension
{
    /// <summary>Prepares <paramref name="run"/>, whose manifest is <paramref name="current"/>, to train on to <paramref name="maxSteps"/>.</summary>
    /// <exception cref="AncInputException">The new limit is not above the run's.</exception>
    public static void Prepare(RunDirectory run, ResolvedManifest current, int maxSteps)
    {
        int limit = current.Training.MaxSteps;
        if (maxSteps <= limit)
        {
            throw new AncInputException(
                $"{run.FullPath}: --set training.maxSteps={maxSteps} does not train it further; the run's limit is {limit}, give a larger one.");
        }

        string kept = Path.Combine(run.FullPath, $"limit-{limit}");
        MoveInto(kept, run.FullPath, RunSummaryFile.FileName);
        foreach (int seed in current.Seeds)
        {
            SeedCheckpoints checkpoints = new(run.SeedPath(seed));
            // A final checkpoint before the limit is the stopping rule's (or a seed group's) end: that seed is done.
            if (checkpoints.Latest() is { Final: true } last && last.Step == limit)
            {
                MoveInto(Path.Combine(kept, $"seed-{seed}"), run.SeedPath(seed), SeedOutcomeFile.FileName, EvaluationFile.FileName);
                checkpoints.Reopen(last);
            }
        }
    }

    private static void MoveInto(string target, string from, params string[] names)
    {
        foreach (string name in names.Where(n => File.Exists(Path.Combine(from, n))))
        {
            Directory.CreateDirectory(target);
            File.Move(Path.Combine(from, name), Path.Combine(target, name), overwrite: true);
        }
    }
}
