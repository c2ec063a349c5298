namespace Anc.Statistics;

/// <summary>
/// Exact binomial tail probabilities and the two-sided binomial test against a fair coin: whether
/// an attack that guesses <c>successes</c> bits right out of <c>trials</c> does better than chance.
/// </summary>
/// <remarks>
/// The tails go through the regularized incomplete beta function,
/// P(X &gt;= k) = I<sub>p</sub>(k, n - k + 1), evaluated by its continued fraction. Everything is
/// worked out in log space, so tails far below the smallest double keep their value in
/// <see cref="Log10TwoSided"/>, and those a double can hold come out to about 1e-11 relative
/// or better for up to a billion trials (about 1e-14 for a few dozen).
/// </remarks>
public static class BinomialTest
{
    // Stop the continued fraction when a step changes it by less than this: a few units in the last place.
    private const double Tolerance = 1e-15;

    // Where a partial denominator of the fraction comes out zero, modified Lentz carries on with this instead.
    private const double Tiny = 1e-300;

    // ln(2 pi)
    private const double LogTwoPi = 1.8378770664093454835606594728112;

    /// <summary>
    /// P(X &gt;= <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="probability"/>):
    /// how likely chance alone does at least this well.
    /// </summary>
    /// <param name="trials">The number of independent trials, 0 or more.</param>
    /// <param name="successes">The threshold; 0 or below gives 1, above <paramref name="trials"/> gives 0.</param>
    /// <param name="probability">The chance of success in one trial, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is negative, or <paramref name="probability"/> is outside [0, 1] or NaN.
    /// </exception>
    public static double UpperTail(long trials, long successes, double probability = 0.5)
    {
        Validate(trials, probability);
        if (successes <= 0)
        {
            return 1;
        }

        if (successes > trials || probability == 0)
        {
            return 0;
        }

        if (probability == 1)
        {
            return 1;
        }

        return Math.Exp(LogUpperTail(trials, successes, probability, 1 - probability));
    }

    /// <summary>
    /// P(X &lt;= <paramref name="successes"/>) for X ~ Binomial(<paramref name="trials"/>, <paramref name="probability"/>):
    /// how likely chance alone does at most this well.
    /// </summary>
    /// <param name="trials">The number of independent trials, 0 or more.</param>
    /// <param name="successes">The threshold; below 0 gives 0, <paramref name="trials"/> or above gives 1.</param>
    /// <param name="probability">The chance of success in one trial, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is negative, or <paramref name="probability"/> is outside [0, 1] or NaN.
    /// </exception>
    public static double LowerTail(long trials, long successes, double probability = 0.5)
    {
        Validate(trials, probability);
        if (successes < 0)
        {
            return 0;
        }

        if (successes >= trials || probability == 0)
        {
            return 1;
        }

        if (probability == 1)
        {
            return 0;
        }

        // P(X <= k) = 1 - P(X >= k + 1), taken from the same beta function so that whichever side
        // is small is computed directly rather than as a difference.
        return Math.Exp(LogRegularizedBeta(successes + 1, trials - successes, probability, 1 - probability).LogComplement);
    }

    /// <summary>
    /// The exact two-sided p-value of <paramref name="successes"/> in <paramref name="trials"/>
    /// against a success probability of 1/2: min(1, 2 min(P(X &gt;= k), P(X &lt;= k))).
    /// </summary>
    /// <remarks>
    /// At probability 1/2 the distribution is symmetric, so doubling the smaller tail is the exact
    /// two-sided test. A p-value below the smallest double comes out 0; use
    /// <see cref="Log10TwoSided"/> to tell such values apart.
    /// </remarks>
    /// <param name="trials">The number of independent trials, 0 or more.</param>
    /// <param name="successes">The successes seen, in [0, <paramref name="trials"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is negative or <paramref name="successes"/> is outside [0, <paramref name="trials"/>].
    /// </exception>
    public static double TwoSided(long trials, long successes) => Math.Exp(LogTwoSided(trials, successes));

    /// <summary>
    /// The base-10 logarithm of <see cref="TwoSided"/>, computed without leaving log space, so that
    /// it stays finite and accurate where the p-value itself is far below the smallest double
    /// (160000 successes in 160000 trials give about -48164.5).
    /// </summary>
    /// <param name="trials">The number of independent trials, 0 or more.</param>
    /// <param name="successes">The successes seen, in [0, <paramref name="trials"/>].</param>
    /// <returns>A value of 0 or below; 0 where the p-value is 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="trials"/> is negative or <paramref name="successes"/> is outside [0, <paramref name="trials"/>].
    /// </exception>
    public static double Log10TwoSided(long trials, long successes) => LogTwoSided(trials, successes) / Math.Log(10);

    private static void Validate(long trials, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);

        // Written so that NaN fails too.
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be in [0, 1].");
        }
    }

    // The natural log of the two-sided p-value at probability 1/2.
    private static double LogTwoSided(long trials, long successes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);

        // By symmetry P(X <= k) = P(X >= n - k), so the smaller tail is the upper tail from the
        // farther of k and n - k. From the middle (n/2, or (n + 1)/2 for odd n) that tail is at
        // least 1/2 and the p-value is exactly 1: say so rather than let rounding put it a hair
        // either side.
        long far = Math.Max(successes, trials - successes);
        if (far - (trials - far) <= 1)
        {
            return 0;
        }

        return Math.Min(0, Math.Log(2) + LogUpperTail(trials, far, 0.5, 0.5));
    }

    // ln P(X >= k) for 1 <= k <= n and 0 < p < 1, q = 1 - p.
    private static double LogUpperTail(long trials, long successes, double p, double q) =>
        LogRegularizedBeta(successes, trials - successes + 1, p, q).Log;

    /// <summary>
    /// ln I<sub>x</sub>(a, b) and ln(1 - I<sub>x</sub>(a, b)) for a, b &gt; 0 and 0 &lt; x &lt; 1,
    /// with <paramref name="y"/> = 1 - x passed in so that neither is rounded away near 0 or 1.
    /// </summary>
    /// <remarks>
    /// The continued fraction converges quickly below x = (a + 1) / (a + b + 2) and slowly above it,
    /// so above it the fraction is taken for I<sub>y</sub>(b, a) = 1 - I<sub>x</sub>(a, b). Below
    /// that point I<sub>x</sub>(a, b) is the small side and above it the complement is, so the
    /// side computed directly is also the one that has to be accurate relative to its own size;
    /// the other is the larger, far from 0, and loses little by being taken as a difference.
    /// </remarks>
    private static (double Log, double LogComplement) LogRegularizedBeta(double a, double b, double x, double y)
    {
        if (x * (a + b + 2) < a + 1)
        {
            double log = LogFrontFactor(a, b, x, y) + Math.Log(ContinuedFraction(a, b, x));
            return (log, LogOneMinusExp(log));
        }

        double logComplement = LogFrontFactor(b, a, y, x) + Math.Log(ContinuedFraction(b, a, y));
        return (LogOneMinusExp(logComplement), logComplement);
    }

    /// <summary>
    /// ln[x<sup>a</sup> y<sup>b</sup> / (a B(a, b))], the factor in front of the continued fraction.
    /// </summary>
    /// <remarks>
    /// It is C(N, a) x<sup>a</sup> y<sup>N - a</sup> times y with N = a + b - 1: a binomial
    /// probability. For a billion trials the logs of the gamma functions and of the powers each
    /// run to about 1e10 and nearly cancel, which would leave an error of about 1e-6 in the log;
    /// Stirling's remainder and the deviance <see cref="Deviance"/> carry only the small part that
    /// survives the cancellation (C. Loader, "Fast and accurate computation of binomial
    /// probabilities", 2000).
    /// </remarks>
    private static double LogFrontFactor(double a, double b, double x, double y)
    {
        double n = a + b - 1;
        double rest = b - 1;
        double logY = LogOf(y, x);
        if (rest == 0)
        {
            // C(a, a) x^a y, nothing left for Stirling.
            return (a * LogOf(x, y)) + logY;
        }

        double logBinomial = StirlingRemainder(n) - StirlingRemainder(a) - StirlingRemainder(rest)
            - Deviance(a, n * x) - Deviance(rest, n * y)
            - (0.5 * (LogTwoPi + Math.Log(a) + Math.Log(rest) - Math.Log(n)));
        return logBinomial + logY;
    }

    /// <summary>
    /// The continued fraction of I<sub>x</sub>(a, b) (its front factor aside), evaluated by the
    /// modified Lentz method: 1 / (1 + d<sub>1</sub> / (1 + d<sub>2</sub> / (1 + ...))).
    /// </summary>
    /// <exception cref="InvalidOperationException">The fraction did not settle; a wrong number is worse than none.</exception>
    private static double ContinuedFraction(double a, double b, double x)
    {
        // Below (a + 1) / (a + b + 2) the fraction needs at most on the order of sqrt(max(a, b))
        // terms, the most near that point (about 7700 for a billion fair trials); allow far more
        // before calling it a failure.
        long maxTerms = 1000 + (long)(8 * Math.Sqrt(Math.Max(a, b)));

        // f_0 = 1. Lentz carries the ratios C_j = A_j / A_(j-1) and D_j = B_(j-1) / B_j of
        // successive numerators and denominators, which themselves would overflow.
        double f = 1;
        double c = 1;
        double d = 0;
        for (long j = 1; j <= maxTerms; j++)
        {
            double term;
            long m = j / 2;
            if (j % 2 == 1)
            {
                // d_(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
                term = -(a + m) * (a + b + m) / ((a + (2 * m)) * (a + (2 * m) + 1)) * x;
            }
            else
            {
                // d_(2m) = m (b - m) x / ((a + 2m - 1)(a + 2m)); it is 0 at m = b, where the fraction ends.
                term = m * (b - m) / ((a + (2 * m) - 1) * (a + (2 * m))) * x;
            }

            d = 1 + (term * d);
            d = Math.Abs(d) < Tiny ? 1 / Tiny : 1 / d;
            c = 1 + (term / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            double step = c * d;
            f *= step;
            if (Math.Abs(step - 1) < Tolerance)
            {
                return 1 / f;
            }
        }

        throw new InvalidOperationException(
            $"The continued fraction of the incomplete beta function I_{x}({a}, {b}) did not converge in {maxTerms} terms.");
    }

    /// <summary>
    /// ln Gamma(z + 1) - [(z + 1/2) ln z - z + ln(2 pi) / 2], the error of Stirling's formula for z! (z &gt; 0).
    /// </summary>
    private static double StirlingRemainder(double z)
    {
        // From 10 up the asymptotic series to z^-13 is within 3e-17 (the next term is
        // 3617 / (122400 z^15)). Below 10 step up with ln Gamma(z + 2) = ln(z + 1) + ln Gamma(z + 1),
        // which gives s(z) = s(z + 1) + (z + 1/2) ln(1 + 1/z) - 1, each step exact to rounding.
        double shift = 0;
        while (z < 10)
        {
            shift += ((z + 0.5) * LogOnePlus(1 / z)) - 1;
            z++;
        }

        // The Bernoulli numbers' terms B_2k / (2k (2k - 1) z^(2k - 1)), by Horner's rule in 1/z^2.
        double w = 1 / (z * z);
        double series = (1.0 / 12) - (w * ((1.0 / 360) - (w * ((1.0 / 1260) - (w * ((1.0 / 1680)
            - (w * ((1.0 / 1188) - (w * ((691.0 / 360360) - (w * (1.0 / 156))))))))))));
        return shift + (series / z);
    }

    /// <summary>
    /// The deviance x ln(x / m) + m - x of a count x from its mean m (m &gt; 0, x &gt;= 0), without
    /// the cancellation that the formula suffers when x is close to m.
    /// </summary>
    private static double Deviance(double x, double mean)
    {
        double difference = x - mean;
        double sum = x + mean;
        if (Math.Abs(difference) >= 0.1 * sum)
        {
            return x == 0 ? mean : (x * Math.Log(x / mean)) - difference;
        }

        // With v = (x - m) / (x + m), ln(x / m) = 2 atanh(v), so the deviance is
        // (x - m) v + 2x (v^3/3 + v^5/5 + ...); here |v| < 0.1 and every term is 100 times the last.
        double v = difference / sum;
        double v2 = v * v;
        double power = 2 * x * v;
        double result = difference * v;
        for (int k = 3; ; k += 2)
        {
            power *= v2;
            double next = result + (power / k);
            if (next == result)
            {
                return result;
            }

            result = next;
        }
    }

    // ln p where q = 1 - p: near 1, ln(1 - q) keeps the digits that ln p of the rounded p has lost.
    private static double LogOf(double p, double q) => p < 0.5 ? Math.Log(p) : LogOnePlus(-q);

    // ln(1 - e^t) for t <= 0, without losing e^t when it is tiny or 1 - e^t when t is near 0.
    private static double LogOneMinusExp(double t) =>
        t > -Math.Log(2) ? Math.Log(-ExpMinusOne(t)) : LogOnePlus(-Math.Exp(t));

    // ln(1 + t) to a few units in the last place. .NET's double.LogP1 is ln(1 + t) as written and
    // loses small t. Kahan's correction: u = 1 + t is exact for some nearby t', and
    // ln(u) / (u - 1) changes slowly enough that ln(u) t / (u - 1) is ln(1 + t) to rounding.
    private static double LogOnePlus(double t)
    {
        double u = 1 + t;
        return u == 1 ? t : Math.Log(u) * t / (u - 1);
    }

    // e^t - 1 to a few units in the last place, by the same correction as LogOnePlus.
    private static double ExpMinusOne(double t)
    {
        double u = Math.Exp(t);
        if (u == 1)
        {
            return t;
        }

        double uMinusOne = u - 1;
        return uMinusOne == -1 ? -1 : uMinusOne * t / Math.Log(u);
    }
}
