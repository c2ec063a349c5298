using StackExchange.Redis;

namespace Anc.Cluster.Hosting;

/// <summary>
/// Where the ANC cluster lives, parsed from one connection string so that a worker and a client are pointed at the
/// same cluster with the same words: <c>localhost</c> (this machine, no server, state in memory) or
/// <c>redis://host:port</c> (or any StackExchange.Redis configuration string) for membership and durable state.
/// </summary>
public sealed record ClusterConnection
{
    /// <summary>The cluster id and service id every ANC silo and client uses.</summary>
    public const string ClusterId = "anc";

    /// <summary>The silo port of the primary silo with localhost clustering (and the default silo port).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The gateway port of the primary silo with localhost clustering (and the default gateway port).</summary>
    public const int DefaultGatewayPort = 30000;

    private const string RedisScheme = "redis://";

    private ClusterConnection(ClusterConnectionKind kind, string? redisConfiguration)
    {
        Kind = kind;
        RedisConfiguration = redisConfiguration;
    }

    /// <summary>The single-machine cluster.</summary>
    public static ClusterConnection Localhost { get; } = new(ClusterConnectionKind.Localhost, null);

    /// <summary>Which kind of cluster this is.</summary>
    public ClusterConnectionKind Kind { get; }

    /// <summary>The StackExchange.Redis configuration string, for a Redis cluster.</summary>
    public string? RedisConfiguration { get; }

    /// <summary>Parses <c>localhost</c>, <c>redis://host:port</c> or a StackExchange.Redis configuration string.</summary>
    /// <param name="connection">The connection string.</param>
    /// <exception cref="FormatException">The string names no cluster.</exception>
    public static ClusterConnection Parse(string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var text = connection.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The cluster connection is empty: give 'localhost' or 'redis://host:port'.");
        }

        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Localhost;
        }

        var configuration = text.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase) ? text[RedisScheme.Length..].TrimEnd('/') : text;
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"'{connection}' is not a cluster connection: give 'localhost' or 'redis://host:port'.", exception);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException($"'{connection}' names no Redis server: give 'localhost' or 'redis://host:port'.");
        }

        return new ClusterConnection(ClusterConnectionKind.Redis, configuration);
    }

    /// <summary>The StackExchange.Redis options for a Redis cluster (a fresh instance each time: StackExchange.Redis may change them).</summary>
    /// <exception cref="InvalidOperationException">This is not a Redis cluster.</exception>
    public ConfigurationOptions RedisOptions() => RedisConfiguration is { } configuration
        ? ConfigurationOptions.Parse(configuration)
        : throw new InvalidOperationException("A localhost cluster has no Redis options.");

    /// <inheritdoc />
    public override string ToString() => Kind == ClusterConnectionKind.Localhost ? "localhost" : RedisScheme + RedisConfiguration;
}
