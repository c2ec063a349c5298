using System.CommandLine;
using System.Globalization;
using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Diagnostics;
using Anc.Host.Cluster;
using Anc.Host.Console;
using Anc.Results;
using Anc.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Commands;

/// <summary><c>anc-host sweep</c>: a base manifest over a grid of changes times seeds, into one sweep folder that resumes.</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        Argument<string> file = new("sweep") { Description = "The sweep file (.json): a base manifest, a grid and/or lists of changes, seeds." };
        Option<string> output = new("--output", "-o")
        {
            Description = "The sweeps root; the sweep's folder is <root>/<sweep>/, the same every time, so a second run goes on where the first stopped.",
            DefaultValueFactory = _ => "sweeps",
        };
        Option<int> parallel = new("--parallel", "-p")
        {
            Description = "Train this many trials at once, each in a process of its own, dividing the manifest's threads between them.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be 1 or more.");
            }
        });
        Option<bool> quiet = new("--quiet", "-q") { Description = "Print only the outcome, not a line per trial." };
        Option<string?> cluster = new("--cluster")
        {
            Description = "Train the trials on a cluster of anc-worker processes instead of here: 'redis://host:port' (the cluster's membership and the sweep's state in Redis; its password in the connection as redis://anc:<password>@host:port, in ANC_REDIS_PASSWORD, or in the file ANC_REDIS_PASSWORD_FILE names) or 'localhost' (workers on this machine, state in memory). The workers write into the sweep's folder, so it must be on a disk they all see at the same path.",
            HelpName = "connection",
        };
        Option<string?> tls = new("--tls")
        {
            Description = "With --cluster, a member's folder of TLS credentials (ca.crt, member.crt, member.key; eng/services/lab-ca.sh member makes it), for a cluster whose workers talk TLS.",
            HelpName = "folder",
        };
        Command command = new("sweep", "Train a base manifest over a grid of changes times seeds: one run directory per trial, a summary per setting; running it again trains only what is left.")
        {
            file,
            output,
            parallel,
            quiet,
            cluster,
            tls,
        };
        command.SetAction(parse => AncHostCommand.Guard(() =>
        {
            using IHost host = AncHostBuilder.Build(parse, ProgressMode.None);
            AncHostBuilder.WarnAboutRefusedPlugins(host);
            SweepPlan plan = host.Services.GetRequiredService<SweepReader>().Read(parse.GetValue(file)!);
            using CancellationTokenSource stop = new();
            System.Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };

            bool lines = !parse.GetValue(quiet);
            System.Console.WriteLine($"sweep {plan.Name}: {plan.Settings.Count} setting(s) x {plan.Seeds.Count} seed(s) = {plan.Trials.Count} trial(s)");
            using ClusterTls? credentials = Credentials(parse.GetValue(tls));
            SweepResult result = parse.GetValue(cluster) is { } connection
                ? new ClusterSweepRunner(Connection(connection, parse.GetValue(parallel)), lines ? [new ClusterSweepLines(System.Console.Out)] : [], credentials)
                    .RunAsync(plan, parse.GetValue(output)!, stop.Token).GetAwaiter().GetResult()
                : host.Services.GetRequiredService<SweepRunner>().Run(
                    plan,
                    new SweepSettings(parse.GetValue(output)!) { Parallel = parse.GetValue(parallel) },
                    lines ? new Reporter(finished => System.Console.WriteLine(Line(finished))) : null,
                    stop.Token);
            foreach (SettingSummary setting in result.Summary.Settings)
            {
                System.Console.WriteLine(Setting(setting));
            }

            System.Console.WriteLine($"{result.Directory}: {result.Summary.Finished} of {result.Summary.Trials} trials finished ({result.Trained} trained now, {result.Skipped} finished before); summary.md, summary.json, plots/");
            return result.Complete && !result.AnyCrashed ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    /// <summary>The cluster <c>--cluster</c> names; <c>--parallel</c> is the workers' business there (their <c>--slots</c>).</summary>
    private static ClusterConnection Connection(string connection, int parallel)
    {
        if (parallel != 1)
        {
            throw new AncInputException("--parallel applies to a sweep on this machine; on a cluster each worker's --slots says how many trials it trains at once.");
        }

        try
        {
            return ClusterConnection.Parse(connection);
        }
        catch (FormatException e)
        {
            throw new AncInputException($"--cluster {connection}: {e.Message}");
        }
    }

    private static ClusterTls? Credentials(string? folder)
    {
        try
        {
            return folder is null ? null : ClusterTls.Load(folder);
        }
        catch (FormatException e)
        {
            throw new AncInputException(e.Message);
        }
    }

    private static string Line(TrialFinished finished) => $"[{finished.Done}/{finished.Total}] {TrialLine.Of(finished.Trial, finished.Summary)}";

    private static string Setting(SettingSummary setting) =>
        setting.SuccessRate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"{setting.Label}: {setting.Succeeded} of {setting.Finished} succeeded, success rate {rate:0.###} (95% interval {setting.SuccessRateLow:0.###} to {setting.SuccessRateHigh:0.###})")
            : $"{setting.Label}: no trial finished yet";

    /// <summary>Reports on the trial's own thread, at once (Progress&lt;T&gt; would post to the thread pool and lines could come after the summary).</summary>
    private sealed class Reporter(Action<TrialFinished> report) : IProgress<TrialFinished>
    {
        private readonly Lock _gate = new();

        public void Report(TrialFinished value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
