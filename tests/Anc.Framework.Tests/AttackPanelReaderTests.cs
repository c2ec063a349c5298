using Anc.AttackPanels;
using Anc.Attacks;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

public sealed class AttackPanelReaderTests : IDisposable
{
    private readonly ServiceProvider _services = BuiltInPlugins.Services();

    [Fact]
    public void A_panel_names_its_attacks_with_their_options_and_its_judging()
    {
        AttackPanel panel = Reader().Parse(
            """
            {
              "heldOutExamples": 2000,
              "alpha": 0.01,
              "attacks": {
                "quick-eve": { "name": "fresh-eve", "options": { "restarts": 1, "steps": 50, "network": "mlp" } },
                "probe": "linear-probe"
              }
            }
            """,
            "p.json");

        Assert.Equal(2000, panel.HeldOutExamples);
        Assert.Equal(0.01, panel.Alpha);
        Assert.Equal(0.005, panel.Threshold, 12);
        Assert.Equal(["quick-eve", "probe"], panel.Attacks.Select(a => a.Label));
        // The options are the plugin's own types, bound: given values set, the rest at their defaults.
        JObject eve = JObject.FromObject(panel.Attacks[0].Attack.Options);
        Assert.Equal((1, 50, 512), ((int)eve["Restarts"]!, (int)eve["Steps"]!, (int)eve["BatchSize"]!));
        object options = panel.Attacks[0].Attack.Options;
        Assert.Equal("Mlp", options.GetType().GetProperty("Network")!.GetValue(options)!.ToString());
        Assert.Equal("linear-probe", panel.Attacks[1].Attack.Descriptor.Name);
        Assert.Equal(2000, (int)JObject.FromObject(panel.Attacks[1].Attack.Options)["Steps"]!);
    }

    [Fact]
    public void Every_mistake_of_a_panel_is_one_line_with_its_place()
    {
        string[] errors = Assert.Throws<AncInputException>(() => Reader().Parse(
            """
            {
              "heldOutExamples": 5,
              "alfa": 0.01,
              "attacks": {
                "a": "fresh-eeve",
                "b": { "name": "linear-probe", "options": { "steps": -1 } }
              }
            }
            """,
            "p.json")).Diagnostics.Select(d => d.ToString()).ToArray();

        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, e => e.StartsWith("p.json(2,", StringComparison.Ordinal) && e.Contains("heldOutExamples: must be between 100 and 10000000, got 5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("p.json(3,", StringComparison.Ordinal) && e.Contains("did you mean 'alpha'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("p.json(5,", StringComparison.Ordinal) && e.Contains("attacks.a: unknown attack 'fresh-eeve'; did you mean 'fresh-eve'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("p.json(6,", StringComparison.Ordinal) && e.Contains("attacks.b.options.steps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_panel_without_attacks_and_a_missing_file_are_refused_in_one_line()
    {
        string error = Assert.Single(Assert.Throws<AncInputException>(() => Reader().Parse("""{ "alpha": 0.001 }""", "p.json")).Diagnostics).ToString();
        Assert.Contains("attacks: expected an object with one entry per attack", error, StringComparison.Ordinal);

        string missing = Path.Combine(Path.GetTempPath(), $"no-such-panel-{Guid.NewGuid():N}.json");
        AncInputException notFound = Assert.Throws<AncInputException>(() => Reader().Read(missing));
        Assert.Equal($"{missing}: panel file not found; check the path.", Assert.Single(notFound.Diagnostics).ToString());
    }

    [Fact]
    public void The_encryption_scenarios_default_panel_reads_and_has_every_kind_of_attack()
    {
        ResolvedManifest manifest = _services.Reader().Parse("""{ "experiment": "m", "scenario": "symmetric" }""", "m.json");
        IScenario scenario = _services.GetRequiredService<ComponentFactory>().Create<IScenario>(manifest.Scenario);
        AttackPanel panel = Reader().Parse(Assert.IsAssignableFrom<IAttackableScenario>(scenario).DefaultPanel, "default");

        Assert.Equal(["paper-eve", "wide-deep-eve", "long-eve", "chosen-plaintext", "linear-probe"], panel.Attacks.Select(a => a.Label));
        Assert.Equal(10_000, panel.HeldOutExamples);
    }

    public void Dispose() => _services.Dispose();

    private AttackPanelReader Reader() => _services.GetRequiredService<AttackPanelReader>();
}
