using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
namespace Anc.Testing;

/// <summary>
/// A private Redis on a free port, started and stopped with eng/services/redis.sh, its files in a
/// temporary folder. The script installs redis-server first where it is missing (Debian's
/// package), so the tests need nothing set up beforehand. It asks for the password the script
/// made, as every Redis the script starts does.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory;

    private readonly string? _bind;

    private RedisServer(int port, string directory, string? bind)
    {
        Port = port;
        _directory = directory;
        _bind = bind;
    }

    public int Port { get; }

    /// <summary>The connection with the login in it: <c>redis://anc:&lt;password&gt;@127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Connection => $"redis://anc:{Password}@127.0.0.1:{Port}";

    /// <summary>The connection without a password, as a rogue client or worker would give it.</summary>
    public string Address => $"redis://127.0.0.1:{Port}";

    /// <summary>The file redis.sh keeps the password in.</summary>
    public string PasswordFile => Path.Combine(_directory, "redis.password");

    public string Password => File.ReadAllText(PasswordFile).Trim();

    /// <param name="bind">The addresses it listens on (redis.sh's ANC_REDIS_BIND); loopback where not given.</param>
    public static async Task<RedisServer> StartAsync(string? bind = null)
    {
        var directory = Directory.CreateTempSubdirectory("anc-redis-").FullName;
        var server = new RedisServer(FreePort(), directory, bind);
        await server.RunAsync("install");
        await server.RunAsync("start", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory);
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server now, as an outage would.</summary>
    public Task StopAsync() => RunAsync("stop", _directory);

    /// <summary>Starts the stopped server again on its port, with its data (the outage is over).</summary>
    public Task RestartAsync() => RunAsync("start", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _directory);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop", _directory);
        Directory.Delete(_directory, recursive: true);
    }

    private async Task RunAsync(params string[] arguments)
    {
        ProcessStartInfo start = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (_bind is not null)
        {
            start.Environment["ANC_REDIS_BIND"] = _bind;
        }

        start.ArgumentList.Add(Path.Combine(AncHostProcess.RepositoryRoot, "eng", "services", "redis.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"redis.sh {string.Join(' ', arguments)} failed (is redis-server installed? eng/services/redis.sh install): {await error}");
    }
}
