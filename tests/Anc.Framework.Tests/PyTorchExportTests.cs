using System.Diagnostics;
using Anc.Ciphers;
using Anc.Exports;
using Anc.Manifests;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Framework.Tests;

/// <summary>
/// <see cref="PyTorchExport"/>, checked in Python: Debian's PyTorch (installed by
/// eng/services/python-torch.sh, as the cluster tests install Redis) loads every exported network
/// with the <c>anc_torch.py</c> the export wrote, and on the same inputs computes what TorchSharp
/// computes with the run's own networks (read back by <see cref="TrainedRuns"/>), to 1e-5.
/// </summary>
public sealed class PyTorchExportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // Twenty rounds: enough to move every weight away from its initial value, in a second or two.
    private static readonly string[] Short =
    [
        "--set", "training.maxSteps=20", "--set", "training.logEvery=10", "--set", "training.batchSize=64",
        "--set", "scenario.options.evaluation.freshEves=1", "--set", "scenario.options.evaluation.steps=10",
        "--set", "scenario.options.evaluation.measureEvery=5", "--set", "scenario.options.evaluation.heldOutExamples=64",
        "--set", "scenario.options.evaluation.validationExamples=64",
    ];

    public static TheoryData<string, string, string[]> Runs => new()
    {
        { "Anc.Plugins.Encryption", "symmetric-paper.json", Short },
        { "Anc.Plugins.Encryption", "symmetric-quick.json", [.. Short, "--set", "parties.alice.architecture=fixed-key-xor"] },
        { "Anc.Plugins.Encryption", "public-key-quick.json", Short },
        { "Anc.Plugins.SelectiveProtection", "selective-protection.json", Short },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void PyTorch_computes_what_TorchSharp_computes_with_every_exported_network(string plugin, string manifest, string[] overrides)
    {
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        string folder = Directory.CreateTempSubdirectory("anc-export-").FullName;
        string run = Train(services, folder, Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", plugin, "manifests", manifest), overrides);

        JObject outputs = ExportAndCompute(services, folder, run, out JObject expected);

        foreach ((string party, JToken? values) in (JObject)expected["networks"]!)
        {
            AssertClose(values!, outputs["networks"]![party]!, $"{manifest}: {party}");
        }

        foreach (string call in new[] { "ciphertext", "decrypted", "dPublic", "protectedCiphertext", "estimatedD" }.Where(expected.ContainsKey))
        {
            AssertClose(expected[call]!, outputs[call]!, $"{manifest}: {call}");
        }
    }

    [Fact]
    public void Bob_decrypts_Alices_ciphertexts_in_Python()
    {
        // The quick manifest to its end: Bob 0.004 to 0.007 bits wrong of 8 on seeds 0 to 4 (docs/measured-figures.md).
        using IDisposable turn = TrainingLock.Acquire();
        using ServiceProvider services = BuiltInPlugins.Services();
        string folder = Directory.CreateTempSubdirectory("anc-export-bob-").FullName;
        string run = Train(
            services,
            folder,
            Path.Combine(AncHostProcess.EncryptionManifests, "symmetric-quick.json"),
            ["--set", "scenario.options.evaluation.freshEves=1", "--set", "scenario.options.evaluation.steps=10", "--set", "scenario.options.evaluation.measureEvery=5"]);

        JObject outputs = ExportAndCompute(services, folder, run, out JObject expected);

        float[][] plaintext = Rows(expected["plaintext"]!);
        float[][] decrypted = Rows(outputs["decrypted"]!);
        int wrong = plaintext.SelectMany((row, i) => row.Where((bit, j) => Math.Sign(decrypted[i][j]) != Math.Sign(bit))).Count();
        double perMessage = (double)wrong / plaintext.Length;
        Assert.True(perMessage < 0.05, $"Bob in Python gets {perMessage} bits wrong of 8 per message");
        AssertClose(expected["decrypted"]!, outputs["decrypted"]!, "decrypted");
    }

    /// <summary>Exports seed 0 of <paramref name="run"/>, computes the outputs of its networks and calls in TorchSharp (<paramref name="expected"/>) and returns PyTorch's on the same inputs.</summary>
    private static JObject ExportAndCompute(ServiceProvider services, string folder, string run, out JObject expected)
    {
        string export = Path.Combine(folder, "export");
        Assert.Equal([0], services.GetRequiredService<PyTorchExport>().Export(run, export));
        Assert.Equal(["alice.pt", "bob.pt", "eve.pt", "export.json"], Directory.GetFiles(Path.Combine(export, "seed-0")).Select(Path.GetFileName).Where(f => f != "keyGenerator.pt").Order(StringComparer.Ordinal));

        (JObject inputs, expected) = TorchSharpOutputs(services, run);
        string inputsPath = Path.Combine(folder, "inputs.json");
        string outputsPath = Path.Combine(folder, "outputs.json");
        File.WriteAllText(inputsPath, inputs.ToString());
        RunPython(Path.Combine(AncHostProcess.RepositoryRoot, "tests", "Anc.Framework.Tests", "Python", "exported_outputs.py"), export, "seed-0", inputsPath, outputsPath);
        return JObject.Parse(File.ReadAllText(outputsPath));
    }

    /// <summary>Random inputs for every network and the scenario's calls, and what the run's networks output for them in TorchSharp.</summary>
    private static (JObject Inputs, JObject Expected) TorchSharpOutputs(ServiceProvider services, string run)
    {
        TrainedRuns runs = services.GetRequiredService<TrainedRuns>();
        using Generator random = new(1234);
        using IDisposable scope = torch.NewDisposeScope();
        JObject inputs = new() { ["networks"] = new JObject() };
        JObject expected = new() { ["networks"] = new JObject() };
        using (TrainedSeed trained = runs.Open(run, 0, adversaries: true))
        using (torch.no_grad())
        {
            foreach (TrainedNetwork network in trained.Descriptions)
            {
                Tensor input = torch.rand([32, network.Shape.InputWidth], generator: random) * 2 - 1;
                inputs["networks"]![network.Party] = Json(input);
                expected["networks"]![network.Party] = Json(trained.Networks[network.Party].forward(input));
            }
        }

        if (ScenarioOf(run) != "selective-protection")
        {
            using TrainedCipher cipher = runs.OpenCipher(run, 0);
            Tensor plaintext = Bits(256, cipher.PlaintextBits, random);
            Tensor key = Bits(256, cipher.KeyBits, random);
            Tensor ciphertext = cipher.Encrypt(plaintext, cipher.IsPublicKey ? cipher.MakePublicKey(key) : key);
            inputs["encrypt"] = new JObject { ["plaintext"] = Json(plaintext), ["key"] = Json(key) };
            expected["plaintext"] = Json(plaintext);
            expected["ciphertext"] = Json(ciphertext);
            expected["decrypted"] = Json(cipher.Decrypt(ciphertext, key));
        }
        else
        {
            using TrainedProtection protection = runs.OpenProtection(run, 0);
            Tensor a = torch.randn([64, protection.Fields["a"]], generator: random);
            Tensor b = torch.randn([64, protection.Fields["b"]], generator: random);
            Tensor c = torch.randn([64, protection.Fields["c"]], generator: random);
            Tensor key = protection.NewKeys(64, 7);
            (Tensor dPublic, Tensor ciphertext) = protection.Protect(a, b, c, key);
            inputs["protect"] = new JObject { ["a"] = Json(a), ["b"] = Json(b), ["c"] = Json(c), ["key"] = Json(key) };
            expected["dPublic"] = Json(dPublic);
            expected["protectedCiphertext"] = Json(ciphertext);
            expected["estimatedD"] = Json(protection.EstimateD(dPublic, ciphertext, key));
        }

        return (inputs, expected);
    }

    private static string ScenarioOf(string run) => (string)JObject.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")))["scenario"]!["name"]!;

    private static Tensor Bits(long rows, int width, Generator random) =>
        torch.randint(0, 2, [rows, width], dtype: ScalarType.Float32, generator: random) * 2 - 1;

    private static JArray Json(Tensor rows)
    {
        float[] values = rows.contiguous().data<float>().ToArray();
        int width = (int)rows.shape[1];
        return new JArray(Enumerable.Range(0, (int)rows.shape[0]).Select(i => new JArray(values.Skip(i * width).Take(width).Select(v => (double)v))));
    }

    private static float[][] Rows(JToken rows) => rows.Select(row => row.Select(v => (float)v).ToArray()).ToArray();

    private static void AssertClose(JToken expected, JToken actual, string what)
    {
        float[][] want = Rows(expected);
        float[][] got = Rows(actual);
        Assert.Equal(want.Length, got.Length);
        double worst = want.Zip(got, (w, g) => w.Zip(g, (x, y) => (double)Math.Abs(x - y)).Max()).Max();
        Assert.True(worst <= 1e-5, $"{what}: PyTorch differs from TorchSharp by up to {worst}");
    }

    /// <summary>Trains seed 0 of <paramref name="manifest"/>, changed by <paramref name="overrides"/> (pairs of --set and its assignment), and returns its run directory.</summary>
    private static string Train(ServiceProvider services, string folder, string manifest, string[] overrides)
    {
        ManifestOverride[] changes = [.. overrides.Where((_, i) => i % 2 == 1).Select(o => ManifestOverride.Parse(o)), ManifestOverride.Seeds("0")];
        ResolvedManifest resolved = services.Reader().Read(manifest, changes);
        return ExperimentRunnerTests.Run(services, resolved, Path.Combine(folder, "runs")).RunDirectory;
    }

    /// <summary>Runs <paramref name="script"/> with Debian's python3 and its PyTorch, installing them first where missing.</summary>
    private static void RunPython(string script, params string[] arguments)
    {
        string services = Path.Combine(AncHostProcess.RepositoryRoot, "eng", "services", "python-torch.sh");
        Run("bash", [services, "install"]);
        Run("bash", [services, "python"], out string python);
        Run(python.Trim(), [script, .. arguments]);
    }

    private static void Run(string program, string[] arguments) => Run(program, arguments, out _);

    private static void Run(string program, string[] arguments, out string output)
    {
        ProcessStartInfo start = new(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Timeout), $"{program} {string.Join(' ', arguments)} did not finish in {Timeout}");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {error.Result}");
    }
}
