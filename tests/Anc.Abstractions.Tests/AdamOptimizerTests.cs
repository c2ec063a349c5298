using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Abstractions.Tests;

public sealed class AdamOptimizerTests
{
    [Fact]
    public void It_takes_the_same_steps_as_torchs_Adam()
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(3);
        (Sequential ours, Sequential theirs) = (Network(), Network());
        theirs.load_state_dict(ours.state_dict());
        using AdamOptimizer adam = new(ours.parameters(), 0.01);
        using Adam reference = optim.Adam(theirs.parameters(), 0.01);

        for (int step = 0; step < 50; step++)
        {
            Tensor x = torch.randn(32, 6);
            adam.ZeroGrad();
            ours.forward(x).square().mean().backward();
            adam.Step();
            reference.zero_grad();
            theirs.forward(x).square().mean().backward();
            reference.step();
        }

        Assert.Equal(50, adam.Steps);
        foreach ((Parameter mine, Parameter torchs) in ours.parameters().Zip(theirs.parameters()))
        {
            Assert.True(mine.allclose(torchs, rtol: 1e-5, atol: 1e-6), $"largest difference {(mine - torchs).abs().max().item<float>()}");
        }

        // And it trained: the same 50 steps moved the weights well away from where they started.
        Assert.NotEqual(0f, (ours.parameters().First() - Network().parameters().First()).abs().max().item<float>());
    }

    [Fact]
    public void A_saved_state_loaded_into_a_new_optimizer_continues_value_for_value()
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(4);
        Sequential first = Network();
        using AdamOptimizer adam = new(first.parameters(), 0.01);
        Tensor[] batches = Enumerable.Range(0, 6).Select(_ => torch.randn(16, 6)).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Train(first, adam, batches[i]);
        }

        string path = Path.Combine(Directory.CreateTempSubdirectory("anc-adam-").FullName, "adam.dat");
        adam.Save(path);
        Sequential second = Network();
        second.load_state_dict(first.state_dict());
        using AdamOptimizer resumed = new(second.parameters(), 0.01);
        resumed.Load(path);
        for (int i = 3; i < 6; i++)
        {
            Train(first, adam, batches[i]);
            Train(second, resumed, batches[i]);
        }

        Assert.Equal(6, resumed.Steps);
        Assert.All(first.parameters().Zip(second.parameters()), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
    }

    [Fact]
    public void Loading_the_state_of_other_parameters_is_refused_with_the_path()
    {
        using IDisposable scope = torch.NewDisposeScope();
        string path = Path.Combine(Directory.CreateTempSubdirectory("anc-adam-").FullName, "adam.dat");
        using (AdamOptimizer small = new(nn.Linear(2, 2).parameters(), 0.01))
        {
            small.Save(path);
        }

        using AdamOptimizer larger = new(Network().parameters(), 0.01);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => larger.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_read_into_a_stacked_optimizer_and_written_back_continues_value_for_value()
    {
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(5);
        Sequential[] networks = [Network(), Network()];
        AdamOptimizer[] own = networks.Select(n => new AdamOptimizer(n.parameters(), 0.01)).ToArray();
        Tensor[] batches = Enumerable.Range(0, 6).Select(_ => torch.randn(16, 6)).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Train(networks[0], own[0], batches[i]);
            Train(networks[1], own[1], batches[i + 3]);
        }

        // Parameters stacked along a first dimension, as seeds trained together hold them.
        Parameter[] stacked = networks[0].parameters().Zip(networks[1].parameters())
            .Select(p => new Parameter(torch.stack([p.First.detach(), p.Second.detach()]))).ToArray();
        using AdamOptimizer together = new(stacked, 0.01);
        together.ReadSlice(0, own[0]);
        together.ReadSlice(1, own[1]);
        Sequential copy = Network();
        copy.load_state_dict(networks[1].state_dict());
        using AdamOptimizer written = new(copy.parameters(), 0.01);
        together.WriteSlice(1, written);

        Assert.Equal(3, written.Steps);
        for (int i = 0; i < 3; i++)
        {
            Train(networks[1], own[1], batches[i]);
            Train(copy, written, batches[i]);
        }

        Assert.All(networks[1].parameters().Zip(copy.parameters()), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        Array.ForEach(own, o => o.Dispose());
    }

    [Fact]
    public void A_slice_of_other_parameters_or_of_another_step_is_refused()
    {
        using IDisposable scope = torch.NewDisposeScope();
        Sequential network = Network();
        using AdamOptimizer single = new(network.parameters(), 0.01);
        using AdamOptimizer stackedWrongly = new(Network().parameters(), 0.01);
        Parameter[] stacked = network.parameters().Select(p => new Parameter(torch.stack([p.detach(), p.detach()]))).ToArray();
        using AdamOptimizer together = new(stacked, 0.01);
        Sequential other = Network();
        using AdamOptimizer ahead = new(other.parameters(), 0.01);
        Train(other, ahead, torch.randn(4, 6));

        Assert.Throws<ArgumentException>(() => stackedWrongly.ReadSlice(0, single));
        Assert.Throws<ArgumentException>(() => together.ReadSlice(2, single));
        together.ReadSlice(0, single);
        ArgumentException steps = Assert.Throws<ArgumentException>(() => together.ReadSlice(1, ahead));
        Assert.Contains("step", steps.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_is_updated_by_one_optimizer_at_a_time_and_keeps_its_values_in_its_buffer()
    {
        using IDisposable scope = torch.NewDisposeScope();
        Sequential network = Network();
        Tensor[] before = network.parameters().Select(p => p.detach().clone()).ToArray();
        AdamOptimizer first = new(network.parameters(), 0.01);

        Assert.All(network.parameters().Zip(before), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        ArgumentException taken = Assert.Throws<ArgumentException>(() => new AdamOptimizer(network.parameters(), 0.01));
        Assert.Contains("another Adam optimizer", taken.Message, StringComparison.Ordinal);
        Parameter twice = network.parameters().First();
        Assert.Throws<ArgumentException>(() => new AdamOptimizer([twice, twice], 0.01));

        first.Dispose();
        using AdamOptimizer second = new(network.parameters(), 0.01);
        Train(network, second, torch.randn(4, 6));
        Assert.All(network.parameters().Zip(before), pair => Assert.False(pair.First.equal(pair.Second).all().item<bool>()));
    }

    private static Sequential Network() => nn.Sequential(nn.Linear(6, 8), nn.Sigmoid(), nn.Linear(8, 2));

    private static void Train(Sequential network, AdamOptimizer adam, Tensor batch)
    {
        adam.ZeroGrad();
        network.forward(batch).square().mean().backward();
        adam.Step();
    }
}
