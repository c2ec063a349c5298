using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class AttackCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Short attacks of every built-in kind, enough for the controls' verdicts (Eve at ten times the paper's rate, to learn in 300 steps).</summary>
    private const string SmallPanel = """
        {
          "heldOutExamples": 2000,
          "attacks": {
            "eve": { "name": "fresh-eve", "options": { "restarts": 1, "steps": 300, "batchSize": 256, "learningRate": 0.008 } },
            "cpa": { "name": "chosen-plaintext", "options": { "steps": 400, "batchSize": 256 } },
            "probe": { "name": "linear-probe", "options": { "steps": 300, "batchSize": 256 } }
          }
        }
        """;

    [Theory]
    [InlineData("identity-cipher", true)]
    [InlineData("fixed-key-xor", true)]
    [InlineData("one-time-pad", false)]
    public void The_panel_breaks_the_broken_controls_and_not_the_one_time_pad(string cipher, bool broken)
    {
        string folder = Folder("anc-attack-control-");
        string run = Train(folder, "--set", $"parties.alice.architecture={cipher}");

        (int exit, string output, string error) = Attack(folder, "attack", run, "--panel", "panel.json");

        Assert.True(exit == (broken ? 1 : 0), $"exit {exit}: {error}{output}");
        JObject report = JObject.Parse(File.ReadAllText(Path.Combine(run, "attack.json")));
        Assert.Equal(1e-3 / 3, (double)report["panel"]!["threshold"]!, 12);
        foreach (JToken seed in report["seeds"]!)
        {
            Assert.Equal(broken, (bool)seed["broken"]!);
            JToken[] attacks = [.. seed["attacks"]!];
            Assert.Equal(["eve", "cpa", "probe"], attacks.Select(a => (string)a["label"]!));
            JToken eve = attacks[0];
            Assert.Equal(4L * 2000, (long)eve["trials"]!);
            if (broken)
            {
                // Bits are recovered, and the statistics say so beyond any doubt.
                Assert.True((double)eve["figure"]! < 0.2, $"{cipher}: Eve gets {eve["figure"]} of 4 bits wrong");
                Assert.True((double)eve["log10PValue"]! < -100, $"{cipher}: log10 p = {eve["log10PValue"]}");
                Assert.True((bool)eve["broken"]!);
            }
            else
            {
                // Nothing better than a coin: every attack near chance and none significant.
                Assert.All(attacks, a => Assert.False((bool)a["broken"]!, $"{a["label"]} broke the one-time pad: p = {a["pValue"]}"));
                Assert.InRange((double)eve["figure"]!, 1.85, 2.15);
                Assert.InRange((double)attacks[1]["figure"]!, -0.1, 0.1);
            }
        }

        Assert.Contains(broken ? "broken by eve" : "survived all 3 attacks", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trained_cipher_gets_the_default_panel_in_attack_json_and_one_report_section()
    {
        string folder = Folder("anc-attack-default-");
        string run = Train(folder);

        (int first, string output, string error) = Attack(folder, "attack", run);
        Assert.True(first is 0 or 1, error + output);
        (int second, _, string secondError) = Attack(folder, "attack", run, "--panel", "panel.json");
        Assert.True(second is 0 or 1, secondError);

        // The second attack replaced the first's files: its panel, one Attacks section.
        JObject report = JObject.Parse(File.ReadAllText(Path.Combine(run, "attack.json")));
        Assert.Equal(Path.Combine(folder, "panel.json"), Path.GetFullPath((string)report["panel"]!["source"]!, folder));
        string markdown = File.ReadAllText(Path.Combine(run, "report.md"));
        Assert.Equal(2, markdown.Split("## Attacks").Length);
        Assert.Contains("| 0 | probe (linear-probe) |", markdown, StringComparison.Ordinal);
        Assert.Contains("not a proof of security", markdown, StringComparison.Ordinal);
        // The run browser shows the verdicts beside the run's own figures.
        (int shown, string show, string showError) = AncHostProcess.Run(folder, Timeout, "runs", "show", run);
        Assert.True(shown == 0, showError);
        Assert.Contains($"  attacks ({Path.Combine(folder, "panel.json")}, 3 attacks, 2000 held-out messages each):", show, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  seed 0: (survived all 3 attacks|broken by )", show);
        (int compared, string compare, _) = AncHostProcess.Run(folder, Timeout, "runs", "compare", run, run);
        Assert.Equal(0, compared);
        Assert.Matches(@"(?m)^broken by attacks +[01] of 1 +[01] of 1$", compare);

        // The first, with the default panel, named all five attacks as it went.
        foreach (string attack in new[] { "paper-eve", "wide-deep-eve", "long-eve", "chosen-plaintext", "linear-probe" })
        {
            Assert.Contains($"seed 0 {attack}: ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Attacking_what_cannot_be_attacked_is_one_line_and_exit_2()
    {
        string folder = Folder("anc-attack-bad-");
        (int notRun, _, string notRunError) = AncHostProcess.Run(folder, Timeout, "attack", folder);
        Assert.Equal(2, notRun);
        Assert.Equal($"{folder}: not a run directory (it has no manifest.json); give a folder that anc-host run wrote.", notRunError.Trim());

        string run = Train(folder);
        File.WriteAllText(Path.Combine(folder, "bad-panel.json"), """{ "attacks": { "x": "fresh-eeve" } }""");
        (int badPanel, _, string badPanelError) = AncHostProcess.Run(folder, Timeout, "attack", run, "--panel", "bad-panel.json");
        Assert.Equal(2, badPanel);
        Assert.Matches(@"^bad-panel\.json\(1,\d+\): attacks\.x: unknown attack 'fresh-eeve'; did you mean 'fresh-eve'", badPanelError.Trim());
        Assert.Single(badPanelError.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(run, "attack.json")));

        File.Delete(Path.Combine(run, "summary.json"));
        (int unfinished, _, string unfinishedError) = AncHostProcess.Run(folder, Timeout, "attack", run, "--panel", "panel.json");
        Assert.Equal(2, unfinished);
        Assert.Equal($"{run}: the run has not finished (no summary.json); finish it with anc-host run --resume, then attack it.", unfinishedError.Trim());
    }

    /// <summary>Attacks train networks: they take their turn with the other trainings.</summary>
    private static (int ExitCode, string Output, string Error) Attack(string folder, params string[] arguments)
    {
        using IDisposable turn = TrainingLock.Acquire();
        return AncHostProcess.Run(folder, Timeout, arguments);
    }

    private static string Folder(string prefix)
    {
        string folder = Directory.CreateTempSubdirectory(prefix).FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "panel.json"), SmallPanel);
        return folder;
    }

    /// <summary>Trains seed 0 of the tiny manifest (changed by <paramref name="overrides"/>) and returns its run directory.</summary>
    private static string Train(string folder, params string[] overrides)
    {
        using (TrainingLock.Acquire())
        {
            (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, ["run", "m.json", "--quiet", "--seeds", "0", "--output", "runs", .. overrides]);
            Assert.True(exit is 0 or 1, error + output);
        }

        return RunFiles.RunOf(folder, "runs");
    }
}
