using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

public sealed class CriteriaTests
{
    [Fact]
    public void A_run_that_misses_its_criteria_exits_1_with_a_complete_run_directory()
    {
        using IDisposable turn = TrainingLock.Acquire();
        string folder = Directory.CreateTempSubdirectory("anc-criteria-").FullName;
        File.WriteAllText(Path.Combine(folder, "strict.json"), """
            {
              "experiment": "strict",
              "scenario": { "name": "symmetric", "options": { "bits": 4,
                "evaluation": { "freshEves": 1, "steps": 5, "measureEvery": 5, "heldOutExamples": 64 },
                "success": { "bobMaxErrorRate": 0, "freshEveMinErrorRate": 1 } } },
              "threads": 1,
              "training": { "batchSize": 16, "maxSteps": 5, "logEvery": 5 }
            }
            """);

        (int exit, string output, string error) = AncHostProcess.Run(folder, TimeSpan.FromMinutes(2), "run", "strict.json", "--quiet");

        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        string run = Assert.Single(Directory.GetDirectories(Path.Combine(folder, "runs", "strict")));
        Assert.Equal($"{run}: 0 of 1 seed(s) succeeded", output.Trim());
        JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.Equal(0.0, (double)summary["successRate"]!);
        JToken seed = Assert.Single(summary["runs"]!);
        Assert.Equal("completed", (string)seed["status"]!);
        Assert.False((bool)seed["success"]!);
        Assert.Equal(5, (int)seed["steps"]!);
    }
}
