using Anc.Observers;
using Anc.Plugins.SelectiveProtection.Adversaries;
using Anc.Plugins.SelectiveProtection.Architectures;
using Anc.Plugins.SelectiveProtection.Losses;
using Anc.Plugins.SelectiveProtection.Scenario;
using Anc.Scenarios;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void The_scenario_names_its_data_generator_and_lets_Eve_see_only_D_public_and_the_ciphertext()
    {
        SelectiveProtectionScenario scenario = new(new SelectiveProtectionOptions());

        Assert.Equal("correlated-gaussian", ((IScenario)scenario).DefaultDataGenerator);
        Assert.Equal(["alice", "bob", "eve"], scenario.Parties.Select(r => r.Name));
        PartyRole eve = Assert.Single(scenario.Parties, r => r.IsAdversary);
        Assert.Equal(["dPublic", "ciphertext"], eve.ObservableSignals);
        Assert.Equal(["dPublic", "ciphertext"], new CEveAdversary(new CEveOptions()).Observes);
    }

    [Fact]
    public void Without_a_data_generator_the_experiment_says_what_it_needs()
    {
        SelectiveProtectionScenario scenario = new(new SelectiveProtectionOptions());
        DenseArchitecture architecture = new(new DenseOptions());
        Dictionary<string, Party> parties = scenario.Parties.ToDictionary(
            r => r.Name,
            r => new Party(r, architecture, new SquaredErrorLoss(), r.IsAdversary ? new CEveAdversary(new CEveOptions()) : null));
        ExperimentContext context = new(0, CPU, new TrainingOptions(), parties, new Progress<MetricEvent>(), CancellationToken.None);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => scenario.CreateExperiment(context));

        Assert.Equal("Scenario 'selective-protection' needs a data generator.", error.Message);
    }
}
