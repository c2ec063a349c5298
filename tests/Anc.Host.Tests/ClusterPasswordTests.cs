using System.Diagnostics;
using Anc.Cluster.Hosting;
using Anc.Testing;

namespace Anc.Host.Tests;

/// <summary>
/// The cluster's Redis asks for a password (eng/services/redis.sh makes one): real <c>anc-worker</c>
/// and <c>anc-host</c> processes without it are refused in one line, with it they train a sweep,
/// and the password shows nowhere they write.
/// </summary>
public sealed class ClusterPasswordTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Without_the_password_a_worker_cannot_join_and_a_client_cannot_submit_and_with_it_from_a_file_a_sweep_trains()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-password-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json", "seeds": "0-1", "lists": [ { "training.maxSteps": 50 } ] }""");
        await using RedisServer redis = await RedisServer.StartAsync();
        string wrong = redis.Address.Replace("redis://", "redis://anc:not-the-password@", StringComparison.Ordinal);
        Dictionary<string, string?> none = new() { [ClusterConnection.PasswordVariable] = null, [ClusterConnection.PasswordFileVariable] = null };

        // A rogue worker and a rogue client on the same machine: no password, then a wrong one.
        foreach ((string connection, string said) in new[] { (redis.Address, "asks for a password and none was given"), (wrong, "refused the user 'anc' with the password given") })
        {
            (int worker, string workerOutput, string workerError) = AncHostProcess.RunDotnet(folder, Timeout, none, AncHostProcess.WorkerAssembly, "--cluster", connection, "--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1");
            Assert.True(worker == 2, workerError + workerOutput);
            Assert.Single(workerError.Trim().Split('\n'));
            Assert.Contains(said, workerError, StringComparison.Ordinal);

            (int client, _, string clientError) = AncHostProcess.RunDotnet(folder, Timeout, none, AncHostProcess.HostAssembly, "sweep", "s.json", "--cluster", connection);
            Assert.Equal(2, client);
            Assert.Single(clientError.Trim().Split('\n'));
            Assert.StartsWith($"--cluster {redis.Address}", clientError, StringComparison.Ordinal);
            Assert.Contains(said, clientError, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-password", clientError, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(folder, "sweeps", "s", "trials")), "a refused client submitted trials");

        // The worker takes the password from the file redis.sh keeps, the client from the environment.
        string output;
        string workerLines;
        using (TrainingLock.Acquire())
        {
            using Process worker = AncHostProcess.BeginAssembly(
                AncHostProcess.WorkerAssembly, folder, new Dictionary<string, string?> { [ClusterConnection.PasswordFileVariable] = redis.PasswordFile }, "--cluster", redis.Address, "--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1");
            Task<string> workerOutput = worker.StandardOutput.ReadToEndAsync();
            try
            {
                (int exit, output, string error) = AncHostProcess.RunDotnet(
                    folder, Timeout, new Dictionary<string, string?> { [ClusterConnection.PasswordVariable] = redis.Password }, AncHostProcess.HostAssembly, "sweep", "s.json", "--cluster", redis.Address);
                Assert.True(exit == 0, error + output);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }

            workerLines = await workerOutput;
        }

        Assert.Contains("2 of 2 trials finished", output, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Password, output + workerLines, StringComparison.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(folder, "sweeps"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".dat", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(redis.Password, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
