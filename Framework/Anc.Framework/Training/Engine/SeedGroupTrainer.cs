using Anc.Manifests;
using Anc.Observers;
using Anc.Results;
using Anc.Resume;
using Anc.Runs;
using Anc.Scenarios;
using Anc.Torch;
using static TorchSharp.torch;

namespace Anc.Training.Engine;

/// <summary>
/// Trains several seeds together (<see cref="TrainingOptions.SeedsTogether"/>) and leaves each
/// one's <c>seed-&lt;n&gt;/</c> as <see cref="SeedTrainer"/> leaves it alone: its metrics, its
/// checkpoints (in the format of the seed's own experiment, so that any run resumes them), its
/// evaluation and its outcome. The batch trains in lock-step; a seed that stops, diverges or
/// fails is finished on its own (written back from the batch, checkpointed, evaluated) while
/// the others go on. Each seed keeps its own view of torch's global generator, set before its
/// checkpoints and its evaluation.
/// </summary>
public sealed class SeedGroupTrainer
{
    private readonly ExperimentComposer _composer;

    /// <summary>Creates a trainer.</summary>
    public SeedGroupTrainer(ExperimentComposer composer)
    {
        ArgumentNullException.ThrowIfNull(composer);
        _composer = composer;
    }

    /// <summary>
    /// Trains <paramref name="seeds"/> of <paramref name="manifest"/> together on <paramref name="device"/>,
    /// reporting each one's figures to <paramref name="progress"/>. Each goes on from its latest
    /// checkpoint where its folder has one (<see cref="SeedResumption"/>); seeds whose checkpoints
    /// are at different rounds train in separate groups. Each outcome is also left in <c>seed-&lt;n&gt;/outcome.json</c>.
    /// </summary>
    /// <returns>The seeds' outcomes, in the order of <paramref name="seeds"/>.</returns>
    public IReadOnlyList<SeedOutcome> Train(ResolvedManifest manifest, IReadOnlyList<int> seeds, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        List<GroupMember> members = seeds.Select(s => new GroupMember(s, run)).ToList();
        try
        {
            foreach (GroupMember member in members)
            {
                Start(member, manifest, device, run, progress, cancellationToken);
            }

            // After a run in lock-step every checkpoint is at the same round; an older one trains apart.
            foreach (IGrouping<long, GroupMember> sameRound in members.Where(m => m.Outcome is null).GroupBy(m => m.Steps))
            {
                TrainTogether(sameRound.ToList(), manifest, run, progress, cancellationToken);
            }
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }

        foreach (GroupMember member in members)
        {
            SeedOutcomeFile.Write(run, member.Outcome!);
        }

        return members.Select(m => m.Outcome!).ToList();
    }

    private void Start(GroupMember member, ResolvedManifest manifest, Device device, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            (IExperiment experiment, SeedCheckpoint? restored) = SeedResumption.Start(_composer, manifest, member.Seed, device, member.Checkpoints, progress, cancellationToken);
            member.Begin(experiment, restored);
            if (restored is { Final: true })
            {
                Evaluate(member, run, manifest, cancellationToken);
            }
        }
        catch (Exception e)
        {
            End(member, run, manifest, e, cancellationToken);
        }
    }

    private void TrainTogether(List<GroupMember> members, ResolvedManifest manifest, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        ISeedBatch batch;
        try
        {
            batch = _composer.CreateSeedBatch(manifest, members.Select(m => m.Experiment!).ToList());
        }
        catch (Exception e)
        {
            members.ForEach(m => End(m, run, manifest, e, cancellationToken));
            return;
        }

        TrainingOptions training = manifest.Training;
        using (batch)
        {
            try
            {
                for (long step = members[0].Steps + 1; step <= training.MaxSteps && members.Any(m => m.Outcome is null); step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    IReadOnlyList<RoundResult> rounds = batch.TrainRound(step);
                    TorchGarbage.CollectAfter(step);
                    for (int k = 0; k < members.Count; k++)
                    {
                        if (members[k].Outcome is null)
                        {
                            Observe(members[k], k, batch, rounds[k], step, manifest, run, progress, cancellationToken);
                        }
                    }
                }

                for (int k = 0; k < members.Count; k++)
                {
                    if (members[k].Outcome is null)
                    {
                        Finish(members[k], k, batch, run, manifest, cancellationToken);
                    }
                }
            }
            catch (Exception e)
            {
                members.Where(m => m.Outcome is null).ToList().ForEach(m => End(m, run, manifest, e, cancellationToken));
            }
        }
    }

    /// <summary>What <see cref="SeedTrainer"/> does after each round, for one seed of the batch.</summary>
    private static void Observe(GroupMember member, int index, ISeedBatch batch, RoundResult round, long step, ResolvedManifest manifest, RunDirectory run, IProgress<MetricEvent> progress, CancellationToken cancellationToken)
    {
        TrainingOptions training = manifest.Training;
        member.Steps = step;
        string? divergence = Divergence.Find(round.Metrics);
        if (SeedLifecycle.Logs(training, step, round, divergence))
        {
            member.Log!.Write(step, member.Clock.Seconds, round.Metrics);
            progress.Report(new MetricEvent(member.Seed, MetricPhase.Training, step, training.MaxSteps, round.Metrics));
        }

        if (divergence is not null)
        {
            member.Outcome = SeedLifecycle.Diverged(member.Seed, step, divergence, member.Clock.Seconds);
        }
        else if (round.StopRequested)
        {
            Finish(member, index, batch, run, manifest, cancellationToken);
        }
        else if (SeedLifecycle.CheckpointDue(training, step))
        {
            batch.WriteBack(index);
            member.Save(final: false);
        }
    }

    /// <summary>Ends a seed's training: its experiment brought up to date, its final checkpoint, its evaluation.</summary>
    private static void Finish(GroupMember member, int index, ISeedBatch batch, RunDirectory run, ResolvedManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            batch.WriteBack(index);
            member.Save(final: true);
        }
        catch (Exception e)
        {
            End(member, run, manifest, e, cancellationToken);
            return;
        }

        Evaluate(member, run, manifest, cancellationToken);
    }

    private static void Evaluate(GroupMember member, RunDirectory run, ResolvedManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            member.UseGenerator();
            member.Outcome = SeedLifecycle.Evaluated(run, member.Seed, member.Steps, member.Experiment!.Evaluate(), member.Clock.Seconds);
        }
        catch (Exception e)
        {
            End(member, run, manifest, e, cancellationToken);
        }
    }

    private static void End(GroupMember member, RunDirectory run, ResolvedManifest manifest, Exception e, CancellationToken cancellationToken) =>
        member.Outcome = e is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? SeedLifecycle.Cancelled(member.Seed, member.Steps, member.Clock.Seconds)
            : SeedLifecycle.Crashed(run, manifest, member.Seed, member.Steps, e, member.Clock.Seconds);
}
