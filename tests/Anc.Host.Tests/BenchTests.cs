using System.Globalization;
using System.Text.RegularExpressions;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class BenchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Bench_prints_speed_split_by_party_memory_device_and_batch_and_writes_nothing()
    {
        string folder = Directory.CreateTempSubdirectory("anc-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        (int exit, string output, string error) = Bench(folder, "m.json", "--steps", "5", "--warmup", "2", "--repeats", "3");

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, error);
        Match speed = Assert.Single(Regex.Matches(output, @"^steps/s: (\S+) median \((\S+)-(\S+) over 3 repeats\)$", RegexOptions.Multiline));
        double median = Number(speed.Groups[1]);
        Assert.True(median > 0, output);
        Assert.InRange(median, Number(speed.Groups[2]), Number(speed.Groups[3]));
        Match round = Assert.Single(Regex.Matches(output, @"^round: (\S+) ms mean = alice-bob (\S+) ms \+ eve (\S+) ms \+ other (\S+) ms$", RegexOptions.Multiline));
        Assert.True(Number(round.Groups[1]) > 0, output);
        Assert.True(Number(round.Groups[2]) > 0 && Number(round.Groups[3]) > 0, output);
        Assert.Equal(Number(round.Groups[1]), Number(round.Groups[2]) + Number(round.Groups[3]) + Number(round.Groups[4]), 0.02);
        Match memory = Assert.Single(Regex.Matches(output, @"^memory: peak resident (\S+) MiB, resident now (\S+) MiB \((.+)\); managed heap (\S+) MiB$", RegexOptions.Multiline));
        Assert.True(Number(memory.Groups[2]) > 0, output);
        Assert.True(Number(memory.Groups[1]) >= Number(memory.Groups[2]), output);
        Assert.Equal(OperatingSystem.IsLinux() ? "VmHWM, VmRSS" : "PeakWorkingSet64, WorkingSet64", memory.Groups[3].Value);
        Assert.InRange(Number(memory.Groups[4]), 0.1, Number(memory.Groups[2]));
        Match startup = Assert.Single(Regex.Matches(output, @"^start-up: (\S+) s from the process's start to the end of the first round = runtime and command line (\S+) s \+ host and plugins (\S+) s \+ manifest (\S+) s \+ torch and networks (\S+) s \+ first round (\S+) s$", RegexOptions.Multiline));
        Assert.All(startup.Groups.Values.Skip(2), g => Assert.InRange(Number(g), 0, Number(startup.Groups[1])));
        Assert.Equal(Number(startup.Groups[1]), startup.Groups.Values.Skip(2).Sum(Number), 0.03);
        Match residents = Assert.Single(Regex.Matches(output, @"^resident after each repeat: (\S+) MiB at step 7, (\S+) MiB at step 12, (\S+) MiB at step 17$", RegexOptions.Multiline));
        Assert.All(residents.Groups.Values.Skip(1), g => Assert.InRange(Number(g), 1, Number(memory.Groups[1])));
        // The tiny manifest: at most 20 rounds, then 1 fresh Eve of 10 steps.
        Match seed = Assert.Single(Regex.Matches(output, @"^one seed: 20 rounds x (\S+) ms = (\S+) s \(at most: a stopping rule may end training sooner\) \+ 10 fresh-Eve steps x (\S+) ms = (\S+) s; (\S+) s in all \((\S+) min\)$", RegexOptions.Multiline));
        Assert.Equal(Number(round.Groups[1]), Number(seed.Groups[1]), 0.01);
        Assert.True(Number(seed.Groups[3]) > 0, output);
        Assert.InRange(Number(seed.Groups[5]) - ((20 * Number(seed.Groups[1]) / 1000) + (10 * Number(seed.Groups[3]) / 1000)), -0.06, 0.06);
        Assert.Contains("\ndevice: cpu, 1 torch thread(s)\n", output, StringComparison.Ordinal);
        Assert.Contains("\nbatch size: 16\n", output, StringComparison.Ordinal);
        Assert.StartsWith("bench: m.json: experiment tiny, scenario symmetric, seed 0; 2 warm-up round(s), then 3 x 5 timed rounds\n", output, StringComparison.Ordinal);
        Assert.Equal(["m.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Bench_json_is_one_object_with_the_figures_and_takes_set_and_seeds()
    {
        string folder = Directory.CreateTempSubdirectory("anc-bench-json-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        (int exit, string output, string error) = Bench(folder,
            "m.json", "--json", "--steps", "4", "--warmup", "0", "--repeats", "2", "--set", "training.batchSize=32", "--seeds", "3-4");

        Assert.True(exit == 0, error);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        JObject bench = JObject.Parse(line);
        Assert.Equal("tiny", (string?)bench["experiment"]);
        Assert.Equal("symmetric", (string?)bench["scenario"]);
        Assert.Equal(3, (int)bench["seed"]!);
        Assert.Equal(32, (int)bench["batchSize"]!);
        Assert.Equal("cpu", (string?)bench["device"]);
        Assert.Equal(1, (int)bench["threads"]!);
        Assert.Equal([0, 4, 2], new[] { "warmup", "steps", "repeats" }.Select(k => (int)bench[k]!));
        JToken speed = bench["stepsPerSecond"]!;
        Assert.Equal(2, speed["repeats"]!.Count());
        Assert.All(speed["repeats"]!, r => Assert.True((double)r > 0));
        Assert.Equal([5L, 9L], bench["memory"]!["residentAfterRepeats"]!.Select(r => (long)r["step"]!));
        Assert.Equal(
            ["runtime and command line", "host and plugins", "manifest", "torch and networks", "first round"],
            ((JObject)bench["startupSeconds"]!["stages"]!).Properties().Select(p => p.Name));
        Assert.All(bench["memory"]!["residentAfterRepeats"]!, r => Assert.True((long)r["residentBytes"]! > 0));
        Assert.InRange((double)speed["median"]!, (double)speed["min"]!, (double)speed["max"]!);
        JObject phases = (JObject)bench.SelectToken("roundMilliseconds.phases")!;
        Assert.Equal(["alice-bob", "eve", "other"], phases.Properties().Select(p => p.Name));
        Assert.Equal((double)bench.SelectToken("roundMilliseconds.mean")!, phases.Properties().Sum(p => (double)p.Value), 6);
        Assert.True((long)bench.SelectToken("memory.residentBytes")! > 0);
        Assert.True((long)bench.SelectToken("memory.peakResidentBytes")! >= (long)bench.SelectToken("memory.residentBytes")!);
        Assert.InRange((long)bench.SelectToken("memory.managedHeapBytes")!, 1, (long)bench.SelectToken("memory.residentBytes")!);
        JToken cost = bench["seedCost"]!;
        Assert.Equal(20, (long)cost["rounds"]!);
        Assert.Equal("fresh-Eve step", (string?)cost["evaluationUnit"]);
        Assert.Equal(10, (long)cost["evaluationUnits"]!);
        Assert.Equal(50, (int)bench["evaluationSteps"]!);
        Assert.True((double)cost["evaluationUnitMilliseconds"]! > 0);
        Assert.Equal((double)bench.SelectToken("roundMilliseconds.mean")!, (double)cost["roundMilliseconds"]!, 6);
        Assert.Equal(20 * (double)cost["roundMilliseconds"]! / 1000, (double)cost["trainingSeconds"]!, 6);
        Assert.Equal(10 * (double)cost["evaluationUnitMilliseconds"]! / 1000, (double)cost["evaluationSeconds"]!, 6);
        Assert.Equal((double)cost["trainingSeconds"]! + (double)cost["evaluationSeconds"]!, (double)cost["totalSeconds"]!, 6);
        Assert.Equal(["m.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("Anc.Plugins.Encryption", "public-key-quick.json", "defenders")]
    [InlineData("Anc.Plugins.SelectiveProtection", "selective-protection.json", "alice-bob")]
    public void Bench_splits_every_built_in_scenarios_round_into_the_defenders_and_Eve(string plugin, string manifest, string defenders)
    {
        string manifests = Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", plugin, "manifests");
        (int exit, string output, string error) = Bench(manifests,
            manifest, "--json", "--steps", "2", "--warmup", "1", "--repeats", "1", "--set", "training.batchSize=16", "--set", "threads=1");

        Assert.True(exit == 0, error);
        JObject phases = (JObject)JObject.Parse(output).SelectToken("roundMilliseconds.phases")!;
        Assert.Equal([defenders, "eve", "other"], phases.Properties().Select(p => p.Name));
        Assert.True((double)phases[defenders]! > 0 && (double)phases["eve"]! > 0, output);
        Assert.False(Directory.Exists(Path.Combine(manifests, "runs")));
    }

    [Fact]
    public void Bench_trains_seeds_together_and_says_so()
    {
        string folder = Directory.CreateTempSubdirectory("anc-bench-together-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);

        (int exit, string output, string error) = Bench(folder, "m.json", "--together", "3", "--steps", "3", "--warmup", "1", "--repeats", "1");
        (int jsonExit, string json, string jsonError) = Bench(folder, "m.json", "--together", "4", "--steps", "2", "--warmup", "1", "--repeats", "1", "--json");

        Assert.True(exit == 0, error);
        Match together = Assert.Single(Regex.Matches(output, @"^seeds trained together: 3 \(seed 0 to 2\), (\S+) seed-rounds/s$", RegexOptions.Multiline));
        Match speed = Assert.Single(Regex.Matches(output, @"^steps/s: (\S+) median", RegexOptions.Multiline));
        Assert.Equal(3 * Number(speed.Groups[1]), Number(together.Groups[1]), 0.02);
        Assert.Contains("round: ", output, StringComparison.Ordinal);
        Assert.True(jsonExit == 0, jsonError);
        Assert.Equal(4, (int)JObject.Parse(json)["seedsTogether"]!);
    }

    [Fact]
    public void Bench_refuses_to_train_together_what_cannot_be_in_one_line()
    {
        string manifests = Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "manifests");

        (int exit, string output, string error) = Bench(manifests, "selective-protection.json", "--together", "2", "--steps", "1");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["--together 2: Scenario 'selective-protection' cannot train seeds together."], Lines(error));
    }

    [Fact]
    public void Bench_on_a_bad_manifest_exits_2_with_one_line_and_writes_nothing()
    {
        string folder = Directory.CreateTempSubdirectory("anc-bench-bad-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.json"), """{ "experiment": "bad", "scenario": "symmetric", "seeds": -1 }""");

        (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "bench", "bad.json");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["bad.json(1,58): seeds: a seed count must be between 1 and 10000, got -1."], Lines(error));
        Assert.Equal(["bad.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--repeats", "0")]
    [InlineData("--warmup", "-1")]
    public void Bench_refuses_counts_out_of_range_in_one_line(string option, string value)
    {
        string folder = Directory.CreateTempSubdirectory("anc-bench-args-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "bench", "m.json", option, value);

        Assert.Equal(2, exit);
        Assert.Equal([$"anc-host: {option} must be {(option == "--warmup" ? 0 : 1)} or more. (see anc-host --help)"], Lines(error));
    }

    /// <summary>Runs <c>anc-host bench</c> in its turn to train (the figures are not asserted, but a fair share of the CPU keeps it quick).</summary>
    private static (int ExitCode, string Output, string Error) Bench(string folder, params string[] arguments)
    {
        using IDisposable turn = TrainingLock.Acquire();
        return AncHostProcess.Run(folder, Timeout, ["bench", .. arguments]);
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
