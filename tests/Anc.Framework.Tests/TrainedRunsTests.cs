using Anc.Ciphers;
using Anc.Diagnostics;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Framework.Tests;

/// <summary>A finished run read back for use: which seed, and what a caller may and may not ask of it.</summary>
public sealed class TrainedRunsTests
{
    [Fact]
    public void A_trained_cipher_is_the_seeds_networks_and_refuses_what_it_cannot_do_in_one_clear_message()
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        // Thirty rounds teach Bob nothing: no seed succeeds, so a seed must be named.
        string run = ExperimentRunnerTests.Run(services, services.Reader().Parse(ExperimentRunnerTests.TinyManifest, "tiny.json"), ExperimentRunnerTests.NewRunsRoot()).RunDirectory;
        TrainedRuns runs = services.GetRequiredService<TrainedRuns>();

        Assert.Equal([3, 5], runs.FinishedSeeds(run));
        Assert.Equal($"{run}: no seed succeeded; name the one to use with --seed (finished: 3, 5).", Assert.Throws<AncInputException>(() => runs.OpenCipher(run)).Message);
        Assert.Equal($"{run}: seed 4 did not finish training (no checkpoints/final); finished: 3, 5.", Assert.Throws<AncInputException>(() => runs.OpenCipher(run, 4)).Message);
        Assert.Equal($"{run}: scenario 'symmetric' makes no selective protection.", Assert.Throws<AncInputException>(() => runs.OpenProtection(run, 3)).Message);

        TrainedCipher cipher = runs.OpenCipher(run, 5);
        Assert.Equal((5, 4, 4, 4, false), (cipher.Seed, cipher.PlaintextBits, cipher.KeyBits, cipher.CiphertextWidth, cipher.IsPublicKey));
        using (TrainedSeed seed = runs.Open(run, 5))
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            // Only the defenders are loaded, and the cipher is Alice on [P, K] as in training.
            Assert.Equal(["alice", "bob"], seed.Networks.Keys.Order(StringComparer.Ordinal));
            Tensor plaintext = torch.tensor(new float[] { 1, -1, -1, 1 }, [1, 4]);
            Tensor key = torch.tensor(new float[] { -1, -1, 1, 1 }, [1, 4]);
            float[] alice = seed.Networks["alice"].forward(torch.cat([plaintext, key], 1)).data<float>().ToArray();
            Assert.Equal(alice, cipher.Encrypt([true, false, false, true], [false, false, true, true]));
            Assert.Equal(alice, cipher.Encrypt(plaintext, key).data<float>().ToArray());
            Assert.Throws<ArgumentException>(() => cipher.Encrypt(torch.zeros([2, 4]), torch.zeros([3, 4])));
            Assert.Throws<ArgumentException>(() => cipher.Encrypt(torch.zeros([2, 4], ScalarType.Float64), torch.zeros([2, 4], ScalarType.Float64)));
        }

        Assert.Equal("plaintext must have 4 values; it has 3. (Parameter 'plaintext')", Assert.Throws<ArgumentException>(() => cipher.Encrypt([true, true, true], [true, true, true, true])).Message);
        Assert.Throws<InvalidOperationException>(() => cipher.Encrypt([true, true, true, true], new float[] { 0, 0, 0, 0 }));
        Assert.Throws<NotSupportedException>(() => cipher.MakePublicKey([true, true, true, true]));
        Assert.Equal(4, cipher.Decrypt(new float[] { 0.5f, -0.5f, 0.1f, 0 }, [true, false, true, false]).Length);

        cipher.Dispose();
        cipher.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cipher.Encrypt([true, true, true, true], [true, true, true, true]));
    }
}
