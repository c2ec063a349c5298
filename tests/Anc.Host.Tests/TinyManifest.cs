namespace Anc.Host.Tests;

/// <summary>A symmetric manifest that trains two seeds in a second or two (and teaches Bob nothing).</summary>
internal static class TinyManifest
{
    public const string Text = """
        {
          "experiment": "tiny",
          "scenario": { "name": "symmetric", "options": { "bits": 4, "stopping": { "enabled": false },
                        "evaluation": { "freshEves": 1, "steps": 10, "measureEvery": 5, "heldOutExamples": 64 } } },
          "threads": 1,
          "seeds": [0, 1],
          "training": { "batchSize": 16, "maxSteps": 20, "logEvery": 5 }
        }
        """;
}
