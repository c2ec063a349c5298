using System.Diagnostics;
using Anc.Testing;

namespace Anc.Host.Tests;

/// <summary>
/// A cluster that talks TLS (certificates from eng/services/lab-ca.sh): real <c>anc-worker</c>
/// and <c>anc-host</c> processes with the lab's certificates train a sweep; a worker without a
/// certificate cannot join, and clients without one, or with another authority's, cannot submit.
/// </summary>
public sealed class ClusterTlsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Members_with_the_labs_certificates_train_a_sweep_and_anyone_else_is_kept_out()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-tls-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json", "seeds": "0-1", "lists": [ { "training.maxSteps": 50 } ] }""");
        LabCertificates lab = LabCertificates.Make(Path.Combine(folder, "lab"), "worker", "client");
        LabCertificates rogue = LabCertificates.Make(Path.Combine(folder, "rogue"), "client");
        await using RedisServer redis = await RedisServer.StartAsync();
        string[] ports = ["--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1"];

        // Secure by default: in clear text, a worker refuses an address other machines reach.
        (int clear, string clearOutput, string clearError) = AncHostProcess.RunDotnet(
            folder, Timeout, new Dictionary<string, string?>(), AncHostProcess.WorkerAssembly, "--cluster", redis.Connection, "--silo-port", "0", "--gateway-port", "0");
        Assert.True(clear == 2, clearError + clearOutput);
        Assert.Contains("in clear text: give --tls <folder>", Assert.Single(clearError.Trim().Split('\n')), StringComparison.Ordinal);

        using Process worker = AncHostProcess.BeginAssembly(AncHostProcess.WorkerAssembly, folder, ["--cluster", redis.Connection, .. ports, "--tls", lab.Member("worker")]);
        try
        {
            using (TrainingLock.Acquire())
            {
                (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", redis.Connection, "--tls", lab.Member("client"));
                Assert.True(exit == 0, error + output);
                Assert.Contains("2 of 2 trials finished", output, StringComparison.Ordinal);
            }

            // A worker without a certificate cannot reach the member it must ping to join: it stops.
            using Process plain = AncHostProcess.BeginAssembly(AncHostProcess.WorkerAssembly, folder, ["--cluster", redis.Connection, .. ports]);
            Task<string> plainError = plain.StandardError.ReadToEndAsync();
            Task<string> plainOutput = plain.StandardOutput.ReadToEndAsync();
            bool stopped = plain.WaitForExit(Timeout);
            if (!stopped)
            {
                plain.Kill(entireProcessTree: true);
            }

            string said = await plainError;
            Assert.True(stopped && plain.ExitCode == 2, "a worker without a certificate joined: " + await plainOutput + said);
            Assert.Contains("anc-worker: the cluster put this worker out", said, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);

            // Clients without a certificate, or with another authority's, cannot submit.
            foreach (string[] credentials in new[] { Array.Empty<string>(), ["--tls", rogue.Member("client")] })
            {
                (int refused, string lines, string error) = AncHostProcess.Run(folder, Timeout, ["sweep", "s.json", "--cluster", redis.Connection, "--output", "refused", .. credentials]);
                Assert.True(refused == 2, error + lines);
                Assert.Single(error.Trim().Split('\n'));
                Assert.Contains("cannot reach the cluster", error, StringComparison.Ordinal);
            }
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }

        Assert.False(Directory.Exists(Path.Combine(folder, "refused", "s", "trials")), "a refused client's trials were trained");
    }
}
