using Anc.Results;
using Anc.Runs;
using Anc.Training;

namespace Anc.Sweeps;

/// <summary>
/// A sweep's folder, <c>&lt;root&gt;/&lt;sweep&gt;/</c>, always the same for the same sweep, so that
/// running the sweep again finds what is done: <c>sweep.json</c> (its settings and trials),
/// <c>trials/&lt;trial id&gt;/</c> (each trial's run directory), and, once every trial has finished,
/// <c>summary.json</c>, <c>summary.md</c> and <c>plots/</c>.
/// </summary>
public sealed class SweepDirectory
{
    private readonly RunDirectory _files;

    private SweepDirectory(string path)
    {
        FullPath = path;
        _files = RunDirectory.Open(path);
    }

    /// <summary>The folder's full path.</summary>
    public string FullPath { get; }

    /// <summary>The folder of the sweep <paramref name="name"/> under <paramref name="root"/>, created if new.</summary>
    public static SweepDirectory At(string root, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string path = Path.Combine(Path.GetFullPath(root), name);
        Directory.CreateDirectory(path);
        return new SweepDirectory(path);
    }

    /// <summary>The run directory of <paramref name="trial"/>.</summary>
    public string TrialPath(SweepTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return Path.Combine(FullPath, "trials", trial.Id);
    }

    /// <summary>Where the trial whose run directory is <paramref name="directory"/> stands.</summary>
    public static TrialFolderState StateOf(string directory, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!File.Exists(Path.Combine(directory, "manifest.json")))
        {
            return TrialFolderState.New;
        }

        RunRecord record = RunRecord.Read(directory, now);
        return record.Summary is not null && record.Status != RunStatus.Cancelled ? TrialFolderState.Finished
            : record.Status == RunStatus.Running ? TrialFolderState.Running
            : TrialFolderState.Unfinished;
    }

    /// <summary>
    /// The outcomes of the plan's finished trials (one seed each), by setting, read from their
    /// <c>summary.json</c> once; a cancelled trial's summary is not an outcome.
    /// </summary>
    internal ILookup<SweepSetting, SeedOutcome> OutcomesOf(SweepPlan plan) =>
        plan.Trials
            .Select(t => (t.Setting, Summary: RunSummaryFile.ReadIfExists(TrialPath(t))))
            .Where(t => t.Summary is not null && t.Summary.Status != RunStatus.Cancelled)
            .SelectMany(t => t.Summary!.Runs.Select(run => (t.Setting, Outcome: run.ToOutcome())))
            .ToLookup(t => t.Setting, t => t.Outcome);

    /// <summary>Writes <c>sweep.json</c>: the settings with their changes and the trials with their folders.</summary>
    public void WritePlan(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ResultJson.Write(_files, SweepPlanFile.FileName, SweepSummary.Plan(plan));
    }

    /// <summary>
    /// Writes the summary of what the folder holds now: <c>summary.md</c>, <c>plots/</c>, then
    /// <c>summary.json</c>, which says <c>complete</c> only when every trial of the plan has finished.
    /// </summary>
    public SweepSummaryFile WriteSummary(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ILookup<SweepSetting, SeedOutcome> outcomes = OutcomesOf(plan);
        SweepSummaryFile summary = SweepSummary.Build(plan, outcomes);
        SweepReport.Write(this, plan, summary, outcomes);
        ResultJson.Write(_files, "summary.json", summary);
        return summary;
    }

    /// <summary>Writes text into the folder, atomically.</summary>
    internal void WriteText(string relativePath, string text) => _files.WriteText(relativePath, text);

    /// <summary>Writes bytes into the folder, atomically.</summary>
    internal void WriteBytes(string relativePath, byte[] bytes) => _files.WriteBytes(relativePath, bytes);
}
