using System.Globalization;

namespace Anc.Testing.Fuzzing;

/// <summary>
/// The fuzzers' seed: fixed, so that every run of the suite makes the same mutants and a failure
/// reproduces; ANC_FUZZ_SEED=&lt;n&gt; replaces it, to explore other mutants by hand.
/// </summary>
internal static class FuzzSeed
{
    public static int Or(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("ANC_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : fixedSeed;
}
