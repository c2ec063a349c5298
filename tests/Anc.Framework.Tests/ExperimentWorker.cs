using Anc.Diagnostics;
using Anc.Observers;
using Anc.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anc.Framework.Tests;

/// <summary>
/// The embedding example of docs-embedding.md, kept here so that it compiles and is tested:
/// runs one experiment when the service starts, logs its figures as it trains, and stops
/// the service when the run ends. Stopping the service first cancels the run.
/// </summary>
public sealed class ExperimentWorker(
    IExperimentRunner runner, ExperimentJob job, IHostApplicationLifetime lifetime, ILogger<ExperimentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Training runs on a thread of its own; stopping the service stops it within one round.
            ExperimentRun run = runner.Start(job.Manifest, job.OutputRoot, stoppingToken);
            await foreach (MetricEvent metrics in run.Events)
            {
                logger.LogInformation(
                    "seed {Seed} {Phase} step {Step}/{TotalSteps}: {Values}",
                    metrics.Seed, metrics.Phase, metrics.Step, metrics.TotalSteps,
                    string.Join(", ", metrics.Values.Select(v => $"{v.Key} {v.Value:0.000}")));
            }

            RunResult result = await run.Completion;
            logger.LogInformation(
                "run {Outcome}: {Succeeded} of {Seeds} seed(s) succeeded; run directory {RunDirectory}",
                result.Cancelled ? "cancelled" : "finished", result.Seeds.Count(s => s.Success), result.Seeds.Count, result.RunDirectory);
        }
        catch (AncInputException e)
        {
            // The manifest or the output folder is wrong: one line per mistake, as anc-host prints them.
            foreach (InputDiagnostic diagnostic in e.Diagnostics)
            {
                logger.LogError("{Diagnostic}", diagnostic);
            }
        }

        lifetime.StopApplication();
    }
}
