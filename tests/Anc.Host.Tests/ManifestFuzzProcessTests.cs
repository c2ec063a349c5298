using System.Text;
using Anc.Testing;
using Anc.Testing.Fuzzing;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Anc.Host.Tests;

/// <summary>
/// Mutants of the example manifests through a real <c>anc-host</c>: a sample through
/// <c>validate</c> (the in-process fuzzer in Anc.Framework.Tests reads thousands the same way) and
/// a handful of mutants of a tiny manifest through <c>run</c>. Seeds are fixed, so a failure names
/// a mutant the same seed makes again.
/// </summary>
public sealed class ManifestFuzzProcessTests(ITestOutputHelper output)
{
    private static readonly int Seed = FuzzSeed.Or(6_4242);
    private const int ValidateMutantsPerManifest = 5;
    private const int RunMutants = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Validate_exits_0_or_2_with_one_located_line_per_mistake()
    {
        ManifestMutator mutator = new(Seed);
        string folder = Directory.CreateTempSubdirectory("anc-fuzz-validate-").FullName;
        List<string> failures = [];
        int valid = 0;
        foreach (string path in ExampleManifests.Paths)
        {
            string json = File.ReadAllText(path);
            for (int i = 0; i < ValidateMutantsPerManifest; i++)
            {
                Mutant mutant = mutator.Next(Path.GetFileName(path), json, Enum.GetValues<MutationKind>());
                File.WriteAllBytes(Path.Combine(folder, "m.json"), mutant.Bytes);
                (int exit, string stdout, string stderr) = Host(folder, "validate", "m.json");
                string? problem = exit switch
                {
                    0 when stdout.StartsWith("m.json: valid: ", StringComparison.Ordinal) && stderr.Length == 0 => null,
                    2 when stdout.Length == 0 && Lines(stderr).Length > 0 => Lines(stderr).Select(l => DiagnosticLine.Problem(l, "m.json") is string p ? $"{p}: {l}" : null).FirstOrDefault(p => p is not null),
                    _ => "not exit 0 with the valid line, nor exit 2 with only messages on stderr",
                };
                valid += exit == 0 ? 1 : 0;
                if (problem is not null)
                {
                    failures.Add($"{mutant}{Environment.NewLine}{problem}{Environment.NewLine}exit {exit}, stdout:{Environment.NewLine}{stdout}stderr:{Environment.NewLine}{stderr}");
                }
            }
        }

        int count = ExampleManifests.Paths.Count * ValidateMutantsPerManifest;
        output.WriteLine($"{count} mutants through anc-host validate (seed {Seed}): {valid} valid, {count - valid} refused.");
        Assert.True(failures.Count == 0, string.Join($"{Environment.NewLine}----{Environment.NewLine}", failures));
        Assert.InRange(count - valid, count / 2, count);
    }

    [Fact]
    public void Run_exits_0_1_or_2_without_a_crash_and_writes_only_under_its_experiment()
    {
        using IDisposable turn = TrainingLock.Acquire();
        ManifestMutator mutator = new(Seed, keepTrainingTiny: true);
        MutationKind[] kinds = [MutationKind.WrongType, MutationKind.Unicode, MutationKind.DuplicateKey, MutationKind.Truncate, MutationKind.ByteFlip];
        List<Mutant> mutants = Enumerable.Range(0, RunMutants).Select(_ => mutator.Next("tiny", TinyManifest.Text, kinds)).ToList();
        // And one that stays valid, so that a mutant really trains: a description no single line can show.
        JObject described = JObject.Parse(TinyManifest.Text);
        described["description"] = "ünïcödé\nline two\u0000\u001b[31m\u202E";
        mutants.Add(new Mutant(RunMutants, "tiny", "a description with line breaks and control characters", Encoding.UTF8.GetBytes(described.ToString())));
        List<string> failures = [];
        int trained = 0;
        foreach (Mutant mutant in mutants)
        {
            string folder = Directory.CreateTempSubdirectory("anc-fuzz-run-").FullName;
            File.WriteAllBytes(Path.Combine(folder, "m.json"), mutant.Bytes);
            (int exit, string stdout, string stderr) = Host(folder, "run", "m.json", "--output", "out", "--quiet");
            string? problem = Lines(stdout + stderr).Select(DiagnosticLine.CrashSign).FirstOrDefault(p => p is not null) ?? exit switch
            {
                2 when Directory.Exists(Path.Combine(folder, "out")) => "exit 2, and yet a run directory was created",
                2 => Lines(stderr).Select(l => DiagnosticLine.Problem(l, "m.json") is string p ? $"{p}: {l}" : null).FirstOrDefault(p => p is not null),
                0 or 1 => TrainedOnlyUnderItsExperiment(folder),
                _ => $"exit {exit}",
            };
            trained += exit is 0 or 1 ? 1 : 0;
            if (problem is not null)
            {
                failures.Add($"{mutant}{Environment.NewLine}{problem}{Environment.NewLine}exit {exit}, stdout:{Environment.NewLine}{stdout}stderr:{Environment.NewLine}{stderr}");
            }
        }

        output.WriteLine($"{mutants.Count} mutants through anc-host run (seed {Seed}): {trained} trained, {mutants.Count - trained} refused.");
        Assert.True(failures.Count == 0, string.Join($"{Environment.NewLine}----{Environment.NewLine}", failures));
        Assert.InRange(trained, 1, mutants.Count);
    }

    /// <summary>What is wrong with a run that trained: files outside out/&lt;experiment&gt;/, or a seed that crashed.</summary>
    private static string? TrainedOnlyUnderItsExperiment(string folder)
    {
        string[] top = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        string[] experiments = Directory.Exists(Path.Combine(folder, "out")) ? Directory.GetFileSystemEntries(Path.Combine(folder, "out")) : [];
        if (!top.SequenceEqual(["m.json", "out"]) || experiments.Length != 1 || !Directory.Exists(experiments[0]))
        {
            return $"expected only m.json and out/<experiment>/, found {string.Join(", ", Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories))}";
        }

        string? run = Directory.GetDirectories(experiments[0]).SingleOrDefault();
        JObject? summary = run is null || !File.Exists(Path.Combine(run, "summary.json")) ? null : JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        if (summary is null || (string?)summary["experiment"] != Path.GetFileName(experiments[0]))
        {
            return $"no summary.json of experiment '{Path.GetFileName(experiments[0])}' in one run folder under it";
        }

        string[] statuses = summary["runs"]!.Select(r => (string)r["status"]!).ToArray();
        return statuses.All(s => s == "completed") ? null : $"a seed did not complete: {string.Join(", ", statuses)}";
    }

    private static (int Exit, string Output, string Error) Host(string folder, params string[] arguments)
    {
        try
        {
            return AncHostProcess.Run(folder, Timeout, arguments);
        }
        catch (TimeoutException e)
        {
            return (-1, string.Empty, e.Message + Environment.NewLine);
        }
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
