using StackExchange.Redis;

namespace Anc.Cluster.Hosting;

/// <summary>
/// Where the ANC cluster lives, parsed from one connection string so that a worker and a client are pointed at the
/// same cluster with the same words: <c>localhost</c> (this machine, no server, state in memory) or
/// <c>redis://[user:password@]host:port</c> (or any StackExchange.Redis configuration string) for membership and
/// durable state. Redis asks for a password (<c>eng/services/redis.sh</c> makes one): given in the string, or in
/// <see cref="PasswordVariable"/>, or in the file <see cref="PasswordFileVariable"/> names; the user is
/// <see cref="RedisUser"/> unless the string names another. The password is never shown: <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record ClusterConnection
{
    /// <summary>The cluster id and service id every ANC silo and client uses.</summary>
    public const string ClusterId = "anc";

    /// <summary>The silo port of the primary silo with localhost clustering (and the default silo port).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The gateway port of the primary silo with localhost clustering (and the default gateway port).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The Redis user ANC logs in as where a password is given without one (the user <c>redis.sh</c> makes).</summary>
    public const string RedisUser = "anc";

    /// <summary>The environment variable that may hold the Redis password.</summary>
    public const string PasswordVariable = "ANC_REDIS_PASSWORD";

    /// <summary>The environment variable that may name a file holding the Redis password (such as <c>redis.sh</c>'s <c>redis.password</c>).</summary>
    public const string PasswordFileVariable = "ANC_REDIS_PASSWORD_FILE";

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

    /// <summary>The StackExchange.Redis configuration string, for a Redis cluster; it holds the password: never show it.</summary>
    public string? RedisConfiguration { get; }

    /// <summary>Whether a password goes with the connection.</summary>
    public bool HasPassword => RedisConfiguration is { } configuration && ConfigurationOptions.Parse(configuration).Password is { Length: > 0 };

    /// <summary>
    /// Parses <c>localhost</c>, <c>redis://[user:password@]host:port</c> or a StackExchange.Redis configuration
    /// string, taking a password the string does not give from this process's environment.
    /// </summary>
    /// <param name="connection">The connection string.</param>
    /// <exception cref="FormatException">The string names no cluster, or the password file cannot be read.</exception>
    public static ClusterConnection Parse(string connection) => Parse(connection, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Parse(string)"/>, with the environment variables <paramref name="environment"/> gives.</summary>
    /// <param name="connection">The connection string.</param>
    /// <param name="environment">An environment variable's value by name, or null.</param>
    /// <exception cref="FormatException">The string names no cluster, or the password file cannot be read.</exception>
    public static ClusterConnection Parse(string connection, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(environment);
        var text = connection.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("The cluster connection is empty: give 'localhost' or 'redis://host:port'.");
        }

        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Localhost;
        }

        var uri = text.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase);
        var configuration = uri ? text[RedisScheme.Length..].TrimEnd('/') : text;
        (string? user, string? password) = (null, null);
        var at = configuration.IndexOf('@', StringComparison.Ordinal);
        if (uri && at >= 0)
        {
            // redis://user:password@host:port, as URLs write a login.
            var login = configuration[..at];
            configuration = configuration[(at + 1)..];
            var colon = login.IndexOf(':', StringComparison.Ordinal);
            (user, password) = colon < 0 ? (Uri.UnescapeDataString(login), null) : (Uri.UnescapeDataString(login[..colon]), Uri.UnescapeDataString(login[(colon + 1)..]));
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"'{Redacted(text)}' is not a cluster connection: give 'localhost' or 'redis://host:port'.", exception);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException($"'{Redacted(text)}' names no Redis server: give 'localhost' or 'redis://host:port'.");
        }

        options.User = user is { Length: > 0 } ? user : options.User;
        options.Password = password is { Length: > 0 } ? password : options.Password ?? PasswordFromEnvironment(environment);
        if (options.Password is { Length: > 0 } && options.User is not { Length: > 0 })
        {
            options.User = RedisUser;
        }

        return new ClusterConnection(ClusterConnectionKind.Redis, options.ToString(includePassword: true));
    }

    /// <summary>The StackExchange.Redis options for a Redis cluster (a fresh instance each time: StackExchange.Redis may change them).</summary>
    /// <exception cref="InvalidOperationException">This is not a Redis cluster.</exception>
    public ConfigurationOptions RedisOptions() => RedisConfiguration is { } configuration
        ? ConfigurationOptions.Parse(configuration)
        : throw new InvalidOperationException("A localhost cluster has no Redis options.");

    /// <summary>
    /// Logs in to the cluster's Redis and pings it, so that a worker or client with no password or
    /// a wrong one is told so in one line before Orleans starts; nothing to do for localhost.
    /// </summary>
    /// <exception cref="ClusterAccessException">Redis cannot be reached, or refused the login.</exception>
    public async Task VerifyAsync()
    {
        if (Kind == ClusterConnectionKind.Localhost)
        {
            return;
        }

        var options = RedisOptions();
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = 5000;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
        }
        catch (RedisConnectionException e) when (e.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            throw Refused(options, e);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOAUTH", StringComparison.Ordinal) || e.Message.StartsWith("WRONGPASS", StringComparison.Ordinal))
        {
            throw Refused(options, e);
        }
        catch (RedisException e)
        {
            throw new ClusterAccessException($"cannot reach the cluster (its Redis: {e.Message.Split('\n')[0].Trim()})", e);
        }
    }

    /// <summary>The connection as a user writes it, without the password.</summary>
    public override string ToString()
    {
        if (Kind == ClusterConnectionKind.Localhost)
        {
            return "localhost";
        }

        var options = RedisOptions();
        options.Password = null;
        return RedisScheme + options.ToString(includePassword: false);
    }

    private static ClusterAccessException Refused(ConfigurationOptions options, Exception inner) => new(
        options.Password is { Length: > 0 }
            ? $"Redis refused the user '{options.User}' with the password given; give the one the cluster's Redis keeps (redis.sh password <dir> names its file)."
            : $"Redis asks for a password and none was given: put it in the connection (redis://{RedisUser}:<password>@host:port), in {PasswordVariable}, or in a file named by {PasswordFileVariable} (redis.sh keeps it in <dir>/redis.password).",
        inner);

    private static string? PasswordFromEnvironment(Func<string, string?> environment)
    {
        if (environment(PasswordVariable) is { Length: > 0 } password)
        {
            return password;
        }

        if (environment(PasswordFileVariable) is not { Length: > 0 } file)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{PasswordFileVariable}={file}: cannot read the Redis password there ({e.Message}).", e);
        }
    }

    // A connection string as given may hold a password: what an error repeats of it leaves it out.
    private static string Redacted(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = at < 0 ? -1 : text.LastIndexOf(':', at);
        return colon > RedisScheme.Length - 1 && text.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase) ? text[..(colon + 1)] + "***" + text[at..] : text;
    }
}
