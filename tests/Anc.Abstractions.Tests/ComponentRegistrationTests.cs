using Anc.Components;
using Anc.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Anc.Abstractions.Tests;

public sealed class ComponentRegistrationTests
{
    [Fact]
    public void Each_AddAnc_method_registers_a_descriptor_of_its_kind()
    {
        ServiceCollection services = new();

        services
            .AddAncArchitecture<Identity, NoOptions>("identity", "passes its input through")
            .AddAncAdversary<Watcher, NoOptions>("watcher", "sees the ciphertext")
            .AddAncLoss<Squared, NoOptions>("squared", "mean squared error")
            .AddAncScenario<Empty, NoOptions>("empty", "no parties")
            .AddAncDataGenerator<Zeros, NoOptions>("zeros", "one field of zeros");

        List<ComponentDescriptor> descriptors = services.BuildServiceProvider().GetServices<ComponentDescriptor>().ToList();
        Assert.Equal(
            [
                (ComponentKind.Architecture, "identity", typeof(Identity)),
                (ComponentKind.Adversary, "watcher", typeof(Watcher)),
                (ComponentKind.Loss, "squared", typeof(Squared)),
                (ComponentKind.Scenario, "empty", typeof(Empty)),
                (ComponentKind.DataGenerator, "zeros", typeof(Zeros)),
            ],
            descriptors.Select(d => (d.Kind, d.Name, d.ImplementationType)));
        Assert.All(descriptors, d => Assert.Equal(typeof(NoOptions), d.OptionsType));
        Assert.Equal("passes its input through", descriptors[0].Description);
    }

    [Fact]
    public void A_component_needs_a_name()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddAncLoss<Squared, NoOptions>(" ", "no name"));
    }

    [Fact]
    public void A_role_with_a_default_adversary_is_an_attackers_role()
    {
        PartyRole bob = new("bob", "decrypts", "identity", "squared");
        PartyRole eve = new("eve", "eavesdrops", "identity", "squared") { DefaultAdversary = "watcher", ObservableSignals = ["ciphertext"] };

        Assert.False(bob.IsAdversary);
        Assert.True(eve.IsAdversary);
    }

    [Fact]
    public void An_attackers_party_needs_an_adversary()
    {
        PartyRole eve = new("eve", "eavesdrops", "identity", "squared") { DefaultAdversary = "watcher" };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new Party(eve, new Identity(), new Squared(), adversary: null));

        Assert.Contains("'eve' is an attacker", error.Message, StringComparison.Ordinal);
        Assert.Same(eve, new Party(eve, new Identity(), new Squared(), new Watcher()).Role);
    }

    [Fact]
    public void A_scenario_that_does_not_say_otherwise_takes_no_data_generator()
    {
        IScenario scenario = new Empty();

        Assert.Null(scenario.DefaultDataGenerator);
    }

    [Fact]
    public void The_training_defaults_are_the_papers()
    {
        TrainingOptions training = new();

        Assert.Equal(4096, training.BatchSize);
        Assert.Equal(0.0008, training.LearningRate);
    }

    private sealed class Identity : IArchitecture
    {
        public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => nn.Identity();
    }

    private sealed class Watcher : IAdversary
    {
        public IReadOnlyList<string> Observes { get; } = ["ciphertext"];

        public int StepsPerRound => 1;
    }

    private sealed class Squared : ILossFunction
    {
        public Tensor Compute(Tensor target, Tensor estimate) => (target - estimate).square().mean();
    }

    private sealed class Zeros : IDataGenerator
    {
        public IReadOnlyDictionary<string, int> Fields { get; } = new Dictionary<string, int> { ["x"] = 1 };

        public IReadOnlyDictionary<string, Tensor> Sample(int batchSize, Generator generator, Device device) =>
            new Dictionary<string, Tensor> { ["x"] = zeros(batchSize, 1, device: device) };
    }

    private sealed class Empty : IScenario
    {
        public IReadOnlyList<PartyRole> Parties { get; } = [];

        public IExperiment CreateExperiment(ExperimentContext context) => throw new InvalidOperationException("The empty scenario has nothing to train.");
    }
}
