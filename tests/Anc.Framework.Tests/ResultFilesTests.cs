using Anc.Results;
using Anc.Scenarios;
using Anc.Training;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Framework.Tests;

/// <summary>
/// The typed records of a run's result files read the files runs wrote before the records
/// existed, and write them back unchanged: names, order, numbers and instants.
/// </summary>
public sealed class ResultFilesTests
{
    // summary.json of a reproduction trial (commit b7ac7b3, 2026-12-05), figures trimmed to two.
    private const string Summary = """
        {
          "experiment": "symmetric-paper",
          "scenario": "symmetric",
          "status": "completed",
          "startedAt": "2026-12-05T15:52:18.6700668+00:00",
          "finishedAt": "2026-12-05T16:08:46.6165767+00:00",
          "durationSeconds": 987.947,
          "seeds": 1,
          "succeeded": 1,
          "successRate": 1.0,
          "successRateLow": 0.2065,
          "successRateHigh": 1.0,
          "criterion": "Bob at most 0.05 bits wrong and the trained Eve at least 6 bits wrong of 16, on held-out data",
          "metrics": {
            "bits": {
              "median": 16.0,
              "min": 16.0,
              "max": 16.0,
              "seeds": 1
            },
            "bob.bitsWrong": {
              "median": 0.000551750825252384,
              "min": 0.000551750825252384,
              "max": 0.000551750825252384,
              "seeds": 1
            }
          },
          "runs": [
            {
              "seed": 1,
              "status": "completed",
              "success": true,
              "criterion": "Bob at most 0.05 bits wrong and the trained Eve at least 6 bits wrong of 16, on held-out data",
              "steps": 12216,
              "durationSeconds": 986.19,
              "message": "Bob 0.001 of 16 bits wrong (at most 0.05); the trained Eve 7.608 bits wrong (at least 6; chance is 8).",
              "metrics": {
                "bits": 16.0,
                "bob.bitsWrong": 0.000551750825252384
              }
            }
          ]
        }
        """;

    // evaluation.json of the same trial, one fresh Eve of five, two points of her history.
    private const string Evaluation = """
        {
          "seed": 1,
          "trainingSteps": 12216,
          "success": true,
          "criterion": "Bob at most 0.05 bits wrong and the trained Eve at least 6 bits wrong of 16, on held-out data",
          "verdict": "Bob 0.001 of 16 bits wrong (at most 0.05).",
          "metrics": {
            "bob.bitsWrong": 0.000551750825252384
          },
          "adversaries": [
            {
              "name": "freshEve-1",
              "best": 6.74777889251709,
              "steps": 20000,
              "history": [
                {
                  "step": 1000,
                  "value": 7.874108791351318
                },
                {
                  "step": 2000,
                  "value": 7.530361175537109
                }
              ]
            }
          ]
        }
        """;

    // environment.json of a resumed reproduction trial (commit b7ac7b3), lists trimmed to one entry each.
    private const string ResumedEnvironment = """
        {
          "framework": "0.1.0",
          "plugins": [
            {
              "name": "Anc.Plugins.Encryption",
              "version": "0.1.0",
              "folder": "/work/anc-reproduction/host/plugins/Anc.Plugins.Encryption"
            }
          ],
          "torchSharp": "0.107.0",
          "libtorch": "2.10.0.0",
          "gitCommit": null,
          "os": "Debian GNU/Linux 12 (bookworm)",
          "architecture": "X64",
          "dotnet": ".NET 10.0.12",
          "machine": "vm",
          "processors": 2,
          "cpu": {
            "model": "Intel(R) Xeon(R) Processor",
            "vendor": "GenuineIntel",
            "features": [
              "avx2",
              "fma",
              "avx512f",
              "avx512bw",
              "avx512vl",
              "avx512_vnni",
              "avx512_bf16",
              "avx512_fp16"
            ]
          },
          "device": "cpu",
          "threads": 2,
          "seeds": [
            5
          ],
          "commandLine": [
            "/work/anc-reproduction/host/anc-host.dll",
            "sweep",
            "files/sweeps/paper-symmetric.json",
            "--output",
            "out",
            "--parallel",
            "2"
          ],
          "workingDirectory": "/work/anc-reproduction",
          "startedAt": "2026-12-05T17:06:54.3575322+00:00",
          "parallel": 1,
          "threadsPerSeed": 1,
          "kernels": {
            "setting": "auto",
            "oneDnnConvolutions": true,
            "routedAround": null,
            "selfTest": [
              {
                "name": "conv1d 1->2 channels, window 4, stride 1, width 35, batch 64",
                "part": "gradient of weight",
                "error": 3.1428364309249446e-05,
                "scale": 58.48519806382319,
                "relativeError": 5.373729652920486e-07,
                "passed": true
              }
            ],
            "selfTestAfterRouting": null,
            "networks": [
              {
                "name": "alice's network (mix-transform, 32->16)",
                "part": "input gradient",
                "error": 8.48460114015806e-11,
                "scale": 0.0003210270373527343,
                "relativeError": 2.6429553130864334e-07,
                "passed": true
              }
            ],
            "correct": true
          },
          "resumes": [
            {
              "at": "2026-12-05T17:42:11.7563674+00:00",
              "commandLine": [
                "/work/anc-reproduction/host/anc-host.dll",
                "sweep",
                "files/sweeps/paper-symmetric.json",
                "--output",
                "out",
                "--parallel",
                "2"
              ],
              "parallel": 1,
              "threadsPerSeed": 1,
              "seedsKept": [],
              "kernels": {
                "setting": "auto",
                "oneDnnConvolutions": true,
                "routedAround": null,
                "selfTest": [
                  {
                    "name": "conv1d 1->2 channels, window 4, stride 1, width 35, batch 64",
                    "part": "gradient of weight",
                    "error": 3.1428364309249446e-05,
                    "scale": 58.48519806382319,
                    "relativeError": 5.373729652920486e-07,
                    "passed": true
                  }
                ],
                "selfTestAfterRouting": null,
                "networks": [
                  {
                    "name": "alice's network (mix-transform, 32->16)",
                    "part": "input gradient",
                    "error": 8.48460114015806e-11,
                    "scale": 0.0003210270373527343,
                    "relativeError": 2.6429553130864334e-07,
                    "passed": true
                  }
                ],
                "correct": true
              }
            }
          ]
        }
        """;

    [Fact]
    public void A_resumed_runs_environment_reads_and_writes_back_the_same_JSON()
    {
        EnvironmentFile environment = ResultJson.Parse<EnvironmentFile>(ResumedEnvironment);

        Assert.Equal("avx512_fp16", environment.Cpu.Features[^1]);
        Assert.True(environment.Kernels!.Correct);
        Resumption resumption = Assert.Single(environment.Resumes!);
        Assert.Empty(resumption.SeedsKept);
        Assert.True(JToken.DeepEquals(JToken.Parse(ResumedEnvironment), JToken.Parse(ResultJson.ToText(environment))));
    }

    [Fact]
    public void An_environment_written_before_parallel_and_kernels_were_recorded_reads_with_none()
    {
        JObject older = JObject.Parse(ResumedEnvironment);
        older.Remove("parallel");
        older.Remove("threadsPerSeed");
        older.Remove("kernels");
        older.Remove("resumes");

        EnvironmentFile environment = ResultJson.Parse<EnvironmentFile>(older.ToString());

        Assert.Null(environment.Parallel);
        Assert.Null(environment.Kernels);
        Assert.Null(environment.Resumes);
        Assert.Equal(2, environment.Threads);
    }

    // attack.json of the quick manifest's seed 0 (anc-host attack before the records), one attack of five.
    private const string Attacks = """
        {
          "panel": {
            "source": "the default panel of scenario 'symmetric'",
            "heldOutExamples": 10000,
            "alpha": 0.001,
            "threshold": 0.0002,
            "attacks": [
              {
                "label": "paper-eve",
                "attack": "fresh-eve",
                "plugin": "Anc.Plugins.Encryption",
                "options": {
                  "Network": 0,
                  "Variant": 0,
                  "HiddenLayers": 3,
                  "WidthFactor": 4,
                  "Restarts": 3,
                  "Steps": 2000,
                  "BatchSize": 512,
                  "LearningRate": 0.0008,
                  "MeasureEvery": 250,
                  "ValidationExamples": 4096
                }
              }
            ]
          },
          "seeds": [
            {
              "seed": 0,
              "broken": true,
              "strongest": "long-eve",
              "verdict": "broken by paper-eve, wide-deep-eve, long-eve, chosen-plaintext, linear-probe; survived 0 of 5 attacks (10000 held-out messages each, p < 0.0002 to count)",
              "attacks": [
                {
                  "label": "paper-eve",
                  "attack": "fresh-eve",
                  "measure": "bitsRecovered",
                  "figure": 3.166,
                  "chance": 4.0,
                  "trials": 80000,
                  "successes": 48340,
                  "pValue": 0.0,
                  "log10PValue": -762.5363054586486,
                  "broken": true,
                  "detail": "the paper mix-and-transform network, best of 3 x 2000 steps",
                  "seconds": 78.57051,
                  "history": [
                    {
                      "step": 250,
                      "value": 4.002685546875
                    },
                    {
                      "step": 500,
                      "value": 4.002685546875
                    }
                  ]
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void An_attack_report_written_before_the_records_reads_and_writes_back_the_same_JSON()
    {
        AttackFile attacks = ResultJson.Parse<AttackFile>(Attacks);

        Assert.Equal("paper-eve", Assert.Single(attacks.Panel.Attacks).Label);
        Assert.Equal(3, (int)attacks.Panel.Attacks[0].Options["HiddenLayers"]!);
        SeedAttacksFile seed = Assert.Single(attacks.Seeds);
        Assert.True(seed.Broken);
        Assert.Equal("bitsRecovered", Assert.Single(seed.Attacks).Measure);
        Assert.True(JToken.DeepEquals(JToken.Parse(Attacks), JToken.Parse(ResultJson.ToText(attacks))));
    }

    // sweep.json of the reproduction sweep (commit b7ac7b3), two of its sixty trials.
    private const string SweepPlan = """
        {
          "sweep": "paper-symmetric",
          "file": "/work/anc-reproduction/files/sweeps/paper-symmetric.json",
          "manifest": "/work/anc-reproduction/files/manifests/symmetric-paper.json",
          "seeds": [
            0,
            1
          ],
          "settings": [
            {
              "id": "d4461c476ea36576",
              "label": "training.batchSize=4096",
              "overrides": {
                "training.batchSize": 4096
              }
            },
            {
              "id": "fb4452ad2f047ea7",
              "label": "training.batchSize=512",
              "overrides": {
                "training.batchSize": 512
              }
            },
            {
              "id": "a1581314bf7ed5f3",
              "label": "training.batchSize=4096, parties.alice.architecture.options.variant=reference, parties.bob.architecture.options.variant=reference, parties.eve.architecture.options.variant=reference",
              "overrides": {
                "training.batchSize": 4096,
                "parties.alice.architecture.options.variant": "reference",
                "parties.bob.architecture.options.variant": "reference",
                "parties.eve.architecture.options.variant": "reference"
              }
            }
          ],
          "trials": [
            {
              "id": "d4461c476ea36576-s0",
              "setting": "d4461c476ea36576",
              "seed": 0,
              "directory": "trials/d4461c476ea36576-s0"
            },
            {
              "id": "d4461c476ea36576-s1",
              "setting": "d4461c476ea36576",
              "seed": 1,
              "directory": "trials/d4461c476ea36576-s1"
            }
          ]
        }
        """;

    // The same sweep's summary.json, one figure per setting.
    private const string SweepSummary = """
        {
          "sweep": "paper-symmetric",
          "manifest": "/work/anc-reproduction/files/manifests/symmetric-paper.json",
          "status": "incomplete",
          "trials": 60,
          "finished": 5,
          "settings": [
            {
              "id": "d4461c476ea36576",
              "label": "training.batchSize=4096",
              "overrides": {
                "training.batchSize": 4096
              },
              "trials": 20,
              "finished": 5,
              "succeeded": 1,
              "crashed": 0,
              "successRate": 0.2,
              "successRateLow": 0.0362,
              "successRateHigh": 0.6245,
              "metrics": {
                "bits": {
                  "median": 16.0,
                  "min": 16.0,
                  "max": 16.0,
                  "seeds": 5
                }
              }
            },
            {
              "id": "fb4452ad2f047ea7",
              "label": "training.batchSize=512",
              "overrides": {
                "training.batchSize": 512
              },
              "trials": 20,
              "finished": 0,
              "succeeded": 0,
              "crashed": 0,
              "successRate": null,
              "successRateLow": 0.0,
              "successRateHigh": 1.0,
              "metrics": {}
            },
            {
              "id": "a1581314bf7ed5f3",
              "label": "training.batchSize=4096, parties.alice.architecture.options.variant=reference, parties.bob.architecture.options.variant=reference, parties.eve.architecture.options.variant=reference",
              "overrides": {
                "training.batchSize": 4096,
                "parties.alice.architecture.options.variant": "reference",
                "parties.bob.architecture.options.variant": "reference",
                "parties.eve.architecture.options.variant": "reference"
              },
              "trials": 20,
              "finished": 0,
              "succeeded": 0,
              "crashed": 0,
              "successRate": null,
              "successRateLow": 0.0,
              "successRateHigh": 1.0,
              "metrics": {}
            }
          ]
        }
        """;

    [Fact]
    public void A_sweeps_plan_and_summary_written_before_the_records_read_and_write_back_the_same_JSON()
    {
        SweepPlanFile plan = ResultJson.Parse<SweepPlanFile>(SweepPlan);
        SweepSummaryFile summary = ResultJson.Parse<SweepSummaryFile>(SweepSummary);

        Assert.Equal(512, (int)plan.Settings[1].Overrides["training.batchSize"]);
        Assert.Equal(SweepSummaryFile.Incomplete, summary.Status);
        Assert.Contains(summary.Settings, setting => setting.SuccessRate is null && setting.Finished == 0);
        Assert.True(JToken.DeepEquals(JToken.Parse(SweepPlan), JToken.Parse(ResultJson.ToText(plan))));
        Assert.True(JToken.DeepEquals(JToken.Parse(SweepSummary), JToken.Parse(ResultJson.ToText(summary))));
    }

    [Fact]
    public void A_summary_written_before_the_records_reads_and_writes_back_unchanged()
    {
        RunSummaryFile summary = ResultJson.Parse<RunSummaryFile>(Summary);

        Assert.Equal("symmetric-paper", summary.Experiment);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 15, 52, 18, TimeSpan.Zero).AddTicks(6700668), summary.StartedAt);
        Assert.Equal(0.000551750825252384, summary.Metrics["bob.bitsWrong"].Median);
        Assert.Equal(12216, Assert.Single(summary.Runs).Steps);
        Assert.Equal(Summary, ResultJson.ToText(summary));
    }

    [Fact]
    public void An_evaluation_reads_and_writes_back_unchanged()
    {
        EvaluationFile evaluation = ResultJson.Parse<EvaluationFile>(Evaluation);

        AdversaryTrial eve = Assert.Single(evaluation.Adversaries);
        Assert.Equal(new MetricPoint(2000, 7.530361175537109), eve.History[1]);
        Assert.Equal(Evaluation, ResultJson.ToText(evaluation));
    }

    [Fact]
    public void An_outcome_written_before_criteria_were_named_reads_with_none()
    {
        SeedOutcome outcome = ResultJson.Parse<SeedOutcomeFile>("""
            { "seed": 3, "status": "crashed", "success": false, "steps": 7, "durationSeconds": 1.5, "message": "boom", "metrics": {} }
            """).ToOutcome();

        Assert.Equal(new SeedOutcome(3, SeedStatus.Crashed, false, 7, outcome.Metrics, "boom", 1.5), outcome);
        Assert.Null(outcome.Criterion);
    }

    [Fact]
    public void An_outcome_keeps_its_figures_and_its_time_to_the_millisecond()
    {
        SeedOutcome outcome = new(2, SeedStatus.Completed, true, 40, new Dictionary<string, double> { ["bob.bitsWrong"] = 0.125, ["eve.bitsWrong"] = double.NaN }, "fine", 12.3456789)
        {
            Criterion = "Bob under 1",
        };

        SeedOutcome read = ResultJson.Parse<SeedOutcomeFile>(ResultJson.ToText(SeedOutcomeFile.From(outcome))).ToOutcome();

        Assert.Equal(12.346, read.DurationSeconds);
        Assert.Equal(0.125, read.Metrics["bob.bitsWrong"]);
        Assert.True(double.IsNaN(read.Metrics["eve.bitsWrong"]));
        Assert.Equal("Bob under 1", read.Criterion);
    }

    [Fact]
    public void A_file_that_is_not_the_record_is_refused_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"anc-summary-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "experiment": "e", "status": "completed", "runs": "not a list" }""");
        try
        {
            JsonException refused = Assert.Throws<JsonException>(() => ResultJson.ReadIfExists<RunSummaryFile>(path));
            Assert.Contains(path, refused.Message, StringComparison.Ordinal);
            Assert.Null(ResultJson.ReadIfExists<RunSummaryFile>(path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
