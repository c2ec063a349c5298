using System.Globalization;
using Anc.Testing;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary>
/// The table walkthrough as a user runs it: train selective protection on the shipped table
/// (data/insurance.csv, its path relative to the manifest), release the table with
/// <c>anc-host protect</c>, and look at what was released.
/// </summary>
public sealed class ProtectCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static string Table => Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "data", "insurance.csv");

    private static string Manifest => Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "manifests", "selective-protection-table.json");

    [Fact]
    public void A_table_trained_on_is_released_without_C_with_D_public_in_Ds_units_and_keys_apart()
    {
        string folder = Directory.CreateTempSubdirectory("anc-protect-").FullName;
        string run = Train(folder, Manifest, "--seeds", "0-3");
        JObject data = JObject.Parse(File.ReadAllText(Path.Combine(run, "data.json")));
        Assert.Equal("csv", (string)data["generator"]!);
        Assert.Equal(["age", "income", "health_score", "premium"], data["columns"]!.Select(c => (string)c["column"]!));
        Assert.Equal(Table, (string)JObject.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")))["data"]!["options"]!["path"]!);
        bool anySucceeded = JObject.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))["runs"]!.Any(r => (bool)r["success"]!);

        string[] seed = anySucceeded ? [] : ["--seed", "0"];
        (int exit, string output, string error) = AncHostProcess.Run(
            folder, Timeout, ["protect", run, "--input", Table, "--output", "released.csv", "--keys", "keys.csv", "--key-seed", "5", .. seed]);

        Assert.True(exit == 0, error + output);
        Assert.Contains($"{Path.Combine(folder, "released.csv")}: 10000 row(s) released", output, StringComparison.Ordinal);
        string[] released = File.ReadAllLines(Path.Combine(folder, "released.csv"));
        Assert.Equal("premium_public,ciphertext_1,ciphertext_2,ciphertext_3,ciphertext_4", released[0]);
        Assert.Equal(10_001, released.Length);
        string[] keys = File.ReadAllLines(Path.Combine(folder, "keys.csv"));
        Assert.Equal("key_1,key_2,key_3,key_4", keys[0]);
        Assert.Equal(10_001, keys.Length);

        double[][] rows = Numbers(released);
        double[][] table = Numbers(File.ReadAllLines(Table));
        double[] premium = table.Select(r => r[4]).ToArray();
        double[] published = rows.Select(r => r[0]).ToArray();
        // D-public is an estimate of the premium in the premium's own units (its scale undone).
        Assert.InRange(published.Average() / premium.Average(), 0.95, 1.05);
        Assert.True(Correlation(published, premium) > 0.7, $"D-public follows the premium with correlation {Correlation(published, premium)}");
        if (anySucceeded)
        {
            // A seed whose fresh Eves learnt no more of C than its mean: nor does a linear probe of the released columns.
            double r2 = LinearFit(rows, table.Select(r => r[3]).ToArray());
            Assert.True(r2 < 0.1, $"the released columns explain {r2:P1} of the health score's variance");
        }

        // A file that exists is never replaced.
        (int again, _, string againError) = AncHostProcess.Run(folder, Timeout, "protect", run, "--input", Table, "--output", "released.csv", "--seed", "0");
        Assert.Equal(2, again);
        Assert.Equal($"{Path.Combine(folder, "released.csv")}: exists; protect writes new files only (choose another path, or delete it).", againError.Trim());

        File.WriteAllText(Path.Combine(folder, "no-c.csv"), "age,income\n30,40\n");
        (int missing, _, string missingError) = AncHostProcess.Run(folder, Timeout, "protect", run, "--input", "no-c.csv", "--output", "out.csv", "--seed", "0");
        Assert.Equal(2, missing);
        Assert.Equal("no-c.csv: no column 'health_score' (its columns: age, income).", missingError.Trim());
        Assert.False(File.Exists(Path.Combine(folder, "out.csv")));
    }

    [Fact]
    public void A_run_not_trained_on_a_table_cannot_protect_one()
    {
        string folder = Directory.CreateTempSubdirectory("anc-protect-gauss-").FullName;
        string run = Train(
            folder,
            Path.Combine(AncHostProcess.RepositoryRoot, "Plugins", "Anc.Plugins.SelectiveProtection", "manifests", "selective-protection.json"),
            "--set", "training.maxSteps=20", "--set", "scenario.options.evaluation.steps=10", "--set", "scenario.options.evaluation.measureEvery=5");

        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "protect", run, "--input", Table, "--output", "out.csv", "--seed", "0");

        Assert.Equal(2, exit);
        Assert.Equal($"{run}: the run was not trained on a table (no data.json); protect takes runs whose data is 'csv'.", error.Trim());
    }

    [Fact]
    public void A_manifest_names_its_table_relative_to_itself_and_a_missing_or_wrong_one_is_one_line()
    {
        string folder = Directory.CreateTempSubdirectory("anc-protect-manifest-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "tables"));
        File.Copy(Table, Path.Combine(folder, "tables", "t.csv"));
        string manifest = File.ReadAllText(Manifest).Replace("../data/insurance.csv", "tables/t.csv", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "m.json"), manifest.Replace("\"$schema\": \"../../manifest.schema.json\",", string.Empty, StringComparison.Ordinal));

        (int valid, string output, string error) = AncHostProcess.Run(Path.GetTempPath(), Timeout, "validate", Path.Combine(folder, "m.json"));
        Assert.True(valid == 0, error + output);

        (int missing, _, string missingError) = AncHostProcess.Run(folder, Timeout, "validate", "m.json", "--set", "data.options.path=nowhere.csv");
        Assert.Equal(2, missing);
        Assert.Equal($"--set data.options.path=nowhere.csv: data.options.path: file not found: {Path.Combine(folder, "nowhere.csv")} (a relative path is taken from the manifest's folder).", missingError.Trim());

        (int column, _, string columnError) = AncHostProcess.Run(folder, Timeout, "validate", "m.json", "--set", "data.options.c=[\"health\"]");
        Assert.Equal(2, column);
        Assert.EndsWith($"data.options.path: {Path.Combine(folder, "tables", "t.csv")}: no column 'health' (its columns: policy, age, income, health_score, premium).", columnError.Trim(), StringComparison.Ordinal);
        Assert.Single(columnError.Trim().Split('\n'));
    }

    private static string Train(string folder, string manifest, params string[] arguments)
    {
        using (TrainingLock.Acquire())
        {
            (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, ["run", manifest, "--quiet", "--output", "runs", .. arguments]);
            Assert.True(exit is 0 or 1, error + output);
        }

        return RunFiles.RunOf(folder, "runs");
    }

    private static double[][] Numbers(string[] lines) =>
        lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    /// <summary>The share of <paramref name="target"/>'s variance a least-squares fit on <paramref name="features"/> (and a constant) explains.</summary>
    private static double LinearFit(double[][] features, double[] target)
    {
        int k = features[0].Length + 1;
        double[,] normal = new double[k, k + 1];
        for (int i = 0; i < target.Length; i++)
        {
            double[] x = [1, .. features[i]];
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    normal[a, b] += x[a] * x[b];
                }

                normal[a, k] += x[a] * target[i];
            }
        }

        // Gauss-Jordan elimination with partial pivoting.
        for (int col = 0; col < k; col++)
        {
            int pivot = Enumerable.Range(col, k - col).MaxBy(r => Math.Abs(normal[r, col]));
            for (int c = 0; c <= k; c++)
            {
                (normal[col, c], normal[pivot, c]) = (normal[pivot, c], normal[col, c]);
            }

            for (int r = 0; r < k; r++)
            {
                if (r != col)
                {
                    double factor = normal[r, col] / normal[col, col];
                    for (int c = col; c <= k; c++)
                    {
                        normal[r, c] -= factor * normal[col, c];
                    }
                }
            }
        }

        double[] weights = Enumerable.Range(0, k).Select(a => normal[a, k] / normal[a, a]).ToArray();
        double mean = target.Average();
        double residual = features.Select((f, i) => target[i] - weights[0] - f.Select((v, j) => v * weights[j + 1]).Sum()).Sum(e => e * e);
        return 1 - (residual / target.Sum(t => (t - mean) * (t - mean)));
    }
}
