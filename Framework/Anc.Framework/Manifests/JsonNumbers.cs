using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// Reads numbers from JSON tokens without throwing. Json.NET holds an integer past long's range
/// as a <see cref="BigInteger"/>, which <c>Value&lt;long&gt;()</c> and <c>Value&lt;double&gt;()</c>
/// cannot convert (they throw InvalidCastException), so every number a manifest gives is read here.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>The integer <paramref name="token"/> holds, when it is an integer that fits a long.</summary>
    public static bool TryGetInt64(JToken token, out long value)
    {
        value = 0;
        if (token is not JValue { Type: JTokenType.Integer } integer)
        {
            return false;
        }

        switch (integer.Value)
        {
            case BigInteger big when big >= long.MinValue && big <= long.MaxValue:
                value = (long)big;
                return true;
            case BigInteger:
                return false;
            case IConvertible convertible:
                try
                {
                    value = convertible.ToInt64(CultureInfo.InvariantCulture);
                    return true;
                }
                catch (OverflowException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>The number an integer or float token holds, as a double (±infinity past its range).</summary>
    public static double GetDouble(JToken token) => token is JValue { Value: BigInteger big }
        ? (double)big
        : token.Value<double>();
}
