using Anc.Cluster.Hosting;
using Anc.Testing;

namespace Anc.Cluster.Tests;

/// <summary>The password of the cluster's Redis: where a connection takes it from, that it is never shown, and that Redis wants it.</summary>
public sealed class ClusterPasswordTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void A_login_in_the_connection_is_used_and_never_shown()
    {
        ClusterConnection connection = ClusterConnection.Parse("redis://anc:s3cr%40t@10.0.0.5:6379", NoEnvironment);

        Assert.True(connection.HasPassword);
        Assert.Equal(("anc", "s3cr@t"), (connection.RedisOptions().User, connection.RedisOptions().Password));
        Assert.Equal("redis://10.0.0.5:6379,user=anc", connection.ToString());
    }

    [Fact]
    public void A_password_from_the_environment_or_a_file_logs_in_as_anc_and_one_in_the_connection_comes_first()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "from-file\n");
        Dictionary<string, string> both = new() { [ClusterConnection.PasswordVariable] = "from-variable", [ClusterConnection.PasswordFileVariable] = file };
        Dictionary<string, string> onlyFile = new() { [ClusterConnection.PasswordFileVariable] = file };

        Assert.Equal(("anc", "from-variable"), Login(ClusterConnection.Parse("redis://10.0.0.5:6379", both.GetValueOrDefault)));
        Assert.Equal(("anc", "from-file"), Login(ClusterConnection.Parse("redis://10.0.0.5:6379", onlyFile.GetValueOrDefault)));
        Assert.Equal(("ops", "given"), Login(ClusterConnection.Parse("redis://ops:given@10.0.0.5:6379", both.GetValueOrDefault)));
        Assert.False(ClusterConnection.Parse("redis://10.0.0.5:6379", NoEnvironment).HasPassword);
    }

    [Fact]
    public void A_password_file_that_cannot_be_read_or_a_bad_connection_is_a_clear_error_that_keeps_the_password_out()
    {
        Dictionary<string, string> missing = new() { [ClusterConnection.PasswordFileVariable] = "/no/such/redis.password" };

        FormatException file = Assert.Throws<FormatException>(() => ClusterConnection.Parse("redis://10.0.0.5:6379", missing.GetValueOrDefault));
        FormatException bad = Assert.Throws<FormatException>(() => ClusterConnection.Parse("redis://anc:hunter2@", NoEnvironment));

        Assert.StartsWith($"{ClusterConnection.PasswordFileVariable}=/no/such/redis.password: cannot read", file.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_started_by_redis_sh_lets_in_only_the_user_with_its_password()
    {
        await using RedisServer redis = await RedisServer.StartAsync();

        await ClusterConnection.Parse(redis.Connection, NoEnvironment).VerifyAsync();
        ClusterAccessException none = await Assert.ThrowsAsync<ClusterAccessException>(() => ClusterConnection.Parse(redis.Address, NoEnvironment).VerifyAsync());
        ClusterAccessException wrong = await Assert.ThrowsAsync<ClusterAccessException>(
            () => ClusterConnection.Parse(redis.Address.Replace("redis://", "redis://anc:nope@", StringComparison.Ordinal), NoEnvironment).VerifyAsync());
        ClusterAccessException asDefault = await Assert.ThrowsAsync<ClusterAccessException>(
            () => ClusterConnection.Parse(redis.Address.Replace("redis://", $"redis://default:{redis.Password}@", StringComparison.Ordinal), NoEnvironment).VerifyAsync());

        Assert.Contains("asks for a password and none was given", none.Message, StringComparison.Ordinal);
        Assert.Contains("refused the user 'anc'", wrong.Message, StringComparison.Ordinal);
        // The default user is off, whatever password it is given.
        Assert.Contains("refused the user 'default'", asDefault.Message, StringComparison.Ordinal);
        // Only its owner may read the password (redis.sh runs where Redis does: Linux).
        Assert.False(OperatingSystem.IsWindows());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(redis.PasswordFile));
        }
    }

    [Fact]
    public async Task Redis_started_for_other_machines_asks_for_the_password_too()
    {
        await using RedisServer redis = await RedisServer.StartAsync(bind: "0.0.0.0");

        ClusterAccessException none = await Assert.ThrowsAsync<ClusterAccessException>(() => ClusterConnection.Parse(redis.Address, NoEnvironment).VerifyAsync());

        Assert.Contains("asks for a password and none was given", none.Message, StringComparison.Ordinal);
        await ClusterConnection.Parse(redis.Connection, NoEnvironment).VerifyAsync();
    }

    private static (string? User, string? Password) Login(ClusterConnection connection) => (connection.RedisOptions().User, connection.RedisOptions().Password);
}
