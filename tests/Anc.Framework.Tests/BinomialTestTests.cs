using System.Numerics;
using Anc.Statistics;

namespace Anc.Framework.Tests;

public sealed class BinomialTestTests
{
    private const double Close = 1e-10;

    [Fact]
    public void Both_tails_and_the_two_sided_value_match_exact_sums_of_binomial_coefficients_up_to_sixty_trials()
    {
        for (int n = 0; n <= 60; n++)
        {
            Exact exact = new(n, 1, 2);
            for (int k = -1; k <= n + 1; k++)
            {
                AssertClose(exact.Upper(k), BinomialTest.UpperTail(n, k), $"UpperTail({n}, {k})");
                AssertClose(exact.Lower(k), BinomialTest.LowerTail(n, k), $"LowerTail({n}, {k})");
            }

            for (int k = 0; k <= n; k++)
            {
                AssertClose(exact.TwoSided(k), BinomialTest.TwoSided(n, k), $"TwoSided({n}, {k})");
            }
        }
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(19, 20)]
    [InlineData(1, 1000)]
    public void A_probability_other_than_one_half_matches_exact_sums(int numerator, int denominator)
    {
        // The double nearest numerator / denominator is off by under 1e-16 relative, which moves a
        // tail of at most 60 trials by under 1e-14 relative: well inside the tolerance.
        double probability = (double)numerator / denominator;
        for (int n = 0; n <= 60; n++)
        {
            Exact exact = new(n, numerator, denominator);
            for (int k = -1; k <= n + 1; k++)
            {
                AssertClose(exact.Upper(k), BinomialTest.UpperTail(n, k, probability), $"UpperTail({n}, {k}, {probability})");
                AssertClose(exact.Lower(k), BinomialTest.LowerTail(n, k, probability), $"LowerTail({n}, {k}, {probability})");
            }
        }
    }

    [Fact]
    public void Ten_and_twenty_fair_coins_give_the_textbook_values()
    {
        // C(10,8) + C(10,9) + C(10,10) = 45 + 10 + 1 = 56 of 2^10 outcomes.
        Assert.Equal(56.0 / 1024, BinomialTest.UpperTail(10, 8), 1e-15);
        Assert.Equal(56.0 / 1024, BinomialTest.LowerTail(10, 2), 1e-15);
        Assert.Equal(112.0 / 1024, BinomialTest.TwoSided(10, 8), 1e-15);
        Assert.Equal(112.0 / 1024, BinomialTest.TwoSided(10, 2), 1e-15);
        Assert.Equal(1.0 / 1024, BinomialTest.UpperTail(10, 10), 1e-15);
        Assert.Equal(1.0, BinomialTest.TwoSided(10, 5));

        // C(20,15..20) = 15504 + 4845 + 1140 + 190 + 20 + 1 = 21700 of 2^20.
        Assert.Equal(21700.0 / (1 << 20), BinomialTest.UpperTail(20, 15), 1e-15);
    }

    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(7, 3, 0.5)]
    [InlineData(60, 45, 0.3)]
    [InlineData(1000, 1, 0.001)]
    [InlineData(100_000, 99_900, 0.999)]
    [InlineData(1_000_000, 500_000, 0.5)]
    [InlineData(1_000_000, 301_000, 0.3)]
    [InlineData(1_000_000_000, 500_010_000, 0.5)]
    [InlineData(1_000_000_000, 499_990_000, 0.5)]
    [InlineData(1_000_000_000, 299_990_000, 0.3)]
    public void The_upper_tail_and_the_lower_tail_below_it_add_to_one(long n, long k, double probability)
    {
        double sum = BinomialTest.UpperTail(n, k, probability) + BinomialTest.LowerTail(n, k - 1, probability);

        Assert.Equal(1.0, sum, 1e-12);
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(100_000_000)]
    [InlineData(1_000_000_000)]
    public void Three_standard_deviations_above_half_agree_with_the_normal_approximation(long n)
    {
        long k = (n / 2) + (long)Math.Round(1.5 * Math.Sqrt(n));
        // With the continuity correction P(X >= k) is about Q((k - 1/2 - n/2) / (sqrt(n) / 2)).
        // At probability 1/2 the binomial has no skew, so what the normal leaves out is O(1/n)
        // (the kurtosis term of the Edgeworth series): about 1e-5 relative at a million trials and
        // less beyond. 1e-4 leaves room for that and none for a real mistake.
        double z = (k - 0.5 - (n / 2.0)) / (Math.Sqrt(n) / 2);
        double normal = 2 * NormalUpperTail(z);

        double p = BinomialTest.TwoSided(n, k);

        Assert.InRange(Math.Abs(p / normal - 1), 0, 1e-4);
        Assert.InRange(Math.Abs(p / 0.0027 - 1), 0, 0.02);
    }

    [Theory]
    // Reference values from mpmath at 30 significant digits, summing the probabilities term by
    // term from the threshold outward (the first from log-gamma) until they fell below 1e-32 of the sum.
    [InlineData(1_000_000_000, 500_000_001, 0.5, true, 0.49998738433739305)]
    [InlineData(1_000_000_000, 500_015_811, 0.5, true, 0.15866884848951291)]
    [InlineData(1_000_000_000, 500_047_434, 0.5, true, 0.0013500844031788978)]
    [InlineData(1_000_000_000, 500_100_000, 0.5, true, 1.2700741798772834e-10)]
    [InlineData(1_000_000_000, 500_200_000, 0.5, true, 5.6596842737767884e-37)]
    [InlineData(1_000_000_000, 400, 1e-7, true, 7.737082718699006e-113)]
    [InlineData(1_000_000_000, 5, 1e-9, false, 0.99940581518854963)]
    [InlineData(1_000_000, 60, 1e-4, false, 1.0803279678305563e-5)]
    [InlineData(100_000, 99_950, 0.999, true, 2.3711826624975339e-8)]
    [InlineData(100_000, 99_800, 0.999, false, 8.8870591676566437e-19)]
    public void Up_to_a_billion_trials_the_tails_match_high_precision_sums(long n, long k, double probability, bool upper, double expected)
    {
        double actual = upper ? BinomialTest.UpperTail(n, k, probability) : BinomialTest.LowerTail(n, k, probability);

        AssertClose(expected, actual, $"{(upper ? "UpperTail" : "LowerTail")}({n}, {k}, {probability})");
    }

    [Fact]
    public void All_successes_in_160000_trials_stay_finite_in_log_space()
    {
        // P(X >= n) = 2^-n, so the two-sided value is 2^(1 - n): about 1e-48164, far below any double.
        const long n = 160_000;
        double expected = Math.Log10(2) - (n * Math.Log10(2));

        Assert.Equal(expected, BinomialTest.Log10TwoSided(n, n), Math.Abs(expected) * 1e-12);
        Assert.Equal(expected, BinomialTest.Log10TwoSided(n, 0), Math.Abs(expected) * 1e-12);
        Assert.InRange(BinomialTest.TwoSided(n, n), 0, 1e-300);
    }

    [Theory]
    [InlineData(1000, 700)]
    [InlineData(1000, 850)]
    [InlineData(1000, 950)]
    [InlineData(1000, 1000)]
    public void Tails_near_the_smallest_double_keep_their_relative_accuracy(int n, int k)
    {
        // 2^1000 is about 1e301, so these run down to 1e-301 and stay normal doubles.
        Exact exact = new(n, 1, 2);

        AssertClose(exact.Upper(k), BinomialTest.UpperTail(n, k), $"UpperTail({n}, {k})");
        AssertClose(exact.Lower(n - k), BinomialTest.LowerTail(n, n - k), $"LowerTail({n}, {n - k})");
        AssertClose(exact.TwoSided(k), BinomialTest.TwoSided(n, k), $"TwoSided({n}, {k})");
    }

    [Theory]
    [InlineData(2000, 1900)]
    [InlineData(2000, 1999)]
    [InlineData(5000, 4000)]
    [InlineData(5000, 4500)]
    public void Log10TwoSided_matches_exact_sums_far_below_the_smallest_double(int n, int k)
    {
        Exact exact = new(n, 1, 2);
        double expected = exact.Log10TwoSided(k);
        Assert.True(expected < -308, $"{expected} should be out of a double's reach");

        Assert.Equal(expected, BinomialTest.Log10TwoSided(n, k), Math.Abs(expected) * Close);
        Assert.Equal(expected, BinomialTest.Log10TwoSided(n, n - k), Math.Abs(expected) * Close);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(11)]
    [InlineData(160_000)]
    [InlineData(1_000_001)]
    [InlineData(1_000_000_000)]
    public void In_the_middle_the_p_value_is_exactly_one(long n)
    {
        foreach (long k in new[] { n / 2, (n + 1) / 2 })
        {
            Assert.Equal(0.0, BinomialTest.Log10TwoSided(n, k));
            Assert.Equal(1.0, BinomialTest.TwoSided(n, k));
        }
    }

    [Fact]
    public void Under_the_null_hypothesis_at_most_five_percent_of_samples_are_significant_at_five_percent()
    {
        const int samples = 20_000;
        const int coins = 100;
        Random random = new(20_240_601);
        int significant = 0;
        for (int i = 0; i < samples; i++)
        {
            int heads = 0;
            for (int j = 0; j < coins; j++)
            {
                heads += random.Next(2);
            }

            if (BinomialTest.TwoSided(coins, heads) <= 0.05)
            {
                significant++;
            }
        }

        double fraction = (double)significant / samples;
        // A test of size at most 0.05 rejects a fraction whose standard error over 20000 samples is
        // at most sqrt(0.05 * 0.95 / 20000) = 0.0015; allow four of them, which a valid test
        // exceeds about once in 30000 seeds.
        double allowance = 4 * Math.Sqrt(0.05 * 0.95 / samples);
        Assert.InRange(fraction, 0.025, 0.05 + allowance);
    }

    [Fact]
    public void The_exact_size_at_one_hundred_coins_is_conservative_but_not_absurdly()
    {
        // 61 or more heads (or 39 or fewer) is significant, 60 is not: the test's true size is
        // 2 P(X >= 61) = 0.035, below 0.05 because the outcomes are whole numbers.
        Assert.True(BinomialTest.TwoSided(100, 60) > 0.05);
        Assert.True(BinomialTest.TwoSided(100, 61) <= 0.05);
        Assert.Equal(2 * new Exact(100, 1, 2).Upper(61), 2 * BinomialTest.UpperTail(100, 61), 1e-15);
        Assert.InRange(2 * BinomialTest.UpperTail(100, 61), 0.035, 0.036);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(10, -1)]
    [InlineData(10, 11)]
    public void The_two_sided_value_refuses_counts_that_cannot_happen(long trials, long successes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.TwoSided(trials, successes));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.Log10TwoSided(trials, successes));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void The_tails_refuse_a_probability_outside_zero_to_one(double probability)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.UpperTail(10, 5, probability));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.LowerTail(10, 5, probability));
    }

    [Fact]
    public void The_tails_refuse_negative_trials()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.UpperTail(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.LowerTail(-1, 0));
    }

    [Fact]
    public void Thresholds_beyond_the_possible_counts_give_certainty_or_impossibility()
    {
        Assert.Equal(1.0, BinomialTest.UpperTail(10, -5));
        Assert.Equal(0.0, BinomialTest.UpperTail(10, 11));
        Assert.Equal(0.0, BinomialTest.LowerTail(10, -1));
        Assert.Equal(1.0, BinomialTest.LowerTail(10, 15));
    }

    [Fact]
    public void A_certain_coin_lands_where_it_must()
    {
        Assert.Equal(0.0, BinomialTest.UpperTail(10, 1, 0));
        Assert.Equal(1.0, BinomialTest.LowerTail(10, 0, 0));
        Assert.Equal(1.0, BinomialTest.UpperTail(10, 10, 1));
        Assert.Equal(0.0, BinomialTest.LowerTail(10, 9, 1));
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (expected == 0)
        {
            Assert.True(actual == 0, $"{what} = {actual}, expected 0");
            return;
        }

        Assert.True(Math.Abs(actual / expected - 1) < Close, $"{what} = {actual:R}, expected {expected:R}");
    }

    // Q(z) = integral of the standard normal density from z to infinity, by Simpson's rule over
    // [z, z + 20] (the rest is below 1e-90); with 20000 intervals the rule's error is below 1e-16.
    private static double NormalUpperTail(double z)
    {
        const int intervals = 20_000;
        const double width = 20;
        double h = width / intervals;
        double sum = Density(z) + Density(z + width);
        for (int i = 1; i < intervals; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Density(z + (i * h));
        }

        return sum * h / 3;

        static double Density(double t) => Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI);
    }

    /// <summary>
    /// The exact distribution of Binomial(n, numerator / denominator) in whole numbers: outcome j
    /// has weight C(n, j) numerator^j (denominator - numerator)^(n - j) out of denominator^n.
    /// </summary>
    private sealed class Exact
    {
        private readonly BigInteger[] _weights;
        private readonly BigInteger _total;

        public Exact(int n, int numerator, int denominator)
        {
            _weights = new BigInteger[n + 1];
            BigInteger coefficient = 1;
            for (int j = 0; j <= n; j++)
            {
                _weights[j] = coefficient * BigInteger.Pow(numerator, j) * BigInteger.Pow(denominator - numerator, n - j);
                coefficient = coefficient * (n - j) / (j + 1);
            }

            _total = BigInteger.Pow(denominator, n);
        }

        public double Upper(int k) => Ratio(UpperWeight(k));

        public double Lower(int k) => Ratio(LowerWeight(k));

        public double TwoSided(int k) => Ratio(TwoSidedWeight(k));

        public double Log10TwoSided(int k) => BigInteger.Log10(TwoSidedWeight(k)) - BigInteger.Log10(_total);

        private BigInteger UpperWeight(int k) => Sum(Math.Max(k, 0), _weights.Length - 1);

        private BigInteger LowerWeight(int k) => Sum(0, Math.Min(k, _weights.Length - 1));

        private BigInteger TwoSidedWeight(int k) => BigInteger.Min(_total, 2 * BigInteger.Min(UpperWeight(k), LowerWeight(k)));

        private BigInteger Sum(int from, int to)
        {
            BigInteger sum = 0;
            for (int j = from; j <= to; j++)
            {
                sum += _weights[j];
            }

            return sum;
        }

        // Both whole numbers fit a double here (the total is at most about 1e301), so the quotient
        // is off by a few units in the last place at most.
        private double Ratio(BigInteger weight) => (double)weight / (double)_total;
    }
}
