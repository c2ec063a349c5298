using System.Diagnostics;
using System.Text.RegularExpressions;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.Testing.Fuzzing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Anc.Framework.Tests;

/// <summary>
/// Mutates the example manifests and reads every mutant the way <c>anc-host validate</c> does,
/// in this process, so that thousands fit in seconds (the host's own process gets a sample, in
/// Anc.Host.Tests). The seed is fixed: a failure names a mutant that the same seed makes again.
/// </summary>
public sealed partial class ManifestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly int Seed = FuzzSeed.Or(61_2024);
    private const int MutantsPerManifest = 1000;
    private static readonly TimeSpan OneMutant = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _services = BuiltInPlugins.Services();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Every_mutant_is_valid_or_refused_with_one_located_line_per_mistake()
    {
        ManifestReader reader = _services.Reader();
        ManifestMutator mutator = new(Seed);
        List<string> failures = [];
        int valid = 0;
        int refused = 0;
        TimeSpan slowest = TimeSpan.Zero;
        string slowestMutant = string.Empty;
        Assert.True(ExampleManifests.Paths.Count >= 6, string.Join(", ", ExampleManifests.Paths));
        foreach (string path in ExampleManifests.Paths)
        {
            string json = File.ReadAllText(path);
            for (int i = 0; i < MutantsPerManifest && failures.Count < 10; i++)
            {
                Mutant mutant = mutator.Next(Path.GetFileName(path), json, Enum.GetValues<MutationKind>());
                Stopwatch clock = Stopwatch.StartNew();
                Task<string?> check = Task.Run(() => Check(reader, mutant));
                if (await Task.WhenAny(check, Task.Delay(OneMutant)) != check)
                {
                    // The reader's thread cannot be stopped; report the mutant and go on with the next manifest.
                    failures.Add($"{mutant}{Environment.NewLine}did not finish within {OneMutant.TotalSeconds} s");
                    break;
                }

                if (clock.Elapsed > slowest)
                {
                    (slowest, slowestMutant) = (clock.Elapsed, $"{mutant.Index} ({mutant.Mutation})");
                }

                string? outcome = await check;
                switch (outcome)
                {
                    case null:
                        valid++;
                        break;
                    case "":
                        refused++;
                        break;
                    default:
                        failures.Add($"{mutant}{Environment.NewLine}{outcome}");
                        break;
                }
            }
        }

        output.WriteLine($"{valid + refused} mutants (seed {Seed}): {valid} valid, {refused} refused; the slowest, {slowestMutant}, took {slowest.TotalMilliseconds:0} ms.");
        Assert.True(failures.Count == 0, string.Join($"{Environment.NewLine}----{Environment.NewLine}", failures));
        // Both outcomes happen, so the fuzzer neither only breaks the JSON nor only changes what does not matter.
        Assert.InRange(valid, 50, int.MaxValue);
        Assert.InRange(refused, MutantsPerManifest, int.MaxValue);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex PlainFolderName();

    /// <summary>Null when the mutant is valid, empty when it is refused properly, otherwise what went wrong.</summary>
    private static string? Check(ManifestReader reader, Mutant mutant)
    {
        try
        {
            ResolvedManifest resolved = reader.Parse(mutant.Text, "m.json");
            if (!PlainFolderName().IsMatch(resolved.Experiment))
            {
                return $"the experiment '{resolved.Experiment}', a folder name, was accepted";
            }

            // What a run writes as manifest.json must read back to itself.
            JObject written = resolved.ToJson();
            JObject reread = reader.Parse(written.ToString(), "resolved.json").ToJson();
            return JToken.DeepEquals(written, reread) ? null : $"the resolved manifest does not read back to itself:{Environment.NewLine}{written}{Environment.NewLine}{reread}";
        }
        catch (AncInputException e)
        {
            IEnumerable<string> problems = e.Diagnostics
                .Select(d => d.ToString())
                .Select(line => DiagnosticLine.Problem(line, "m.json") is string problem ? $"{problem}: {line}" : null)
                .OfType<string>();
            return string.Join(Environment.NewLine, problems);
        }
        catch (Exception e)
        {
            return $"crashed: {e}";
        }
    }
}
