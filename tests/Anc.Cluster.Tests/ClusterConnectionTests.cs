using Anc.Cluster.Hosting;

namespace Anc.Cluster.Tests;

public sealed class ClusterConnectionTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData(" LocalHost ")]
    public void Localhost_names_the_single_machine_cluster(string text) =>
        Assert.Same(ClusterConnection.Localhost, ClusterConnection.Parse(text));

    [Theory]
    [InlineData("redis://cache:6380", "cache:6380")]
    [InlineData("redis://cache:6380/", "cache:6380")]
    [InlineData("cache:6380,abortConnect=false", "cache:6380,abortConnect=false")]
    public void Redis_connections_keep_their_configuration(string text, string configuration)
    {
        var connection = ClusterConnection.Parse(text, _ => null);

        // The same configuration, as StackExchange.Redis writes it (it spells false "False").
        Assert.Equal((ClusterConnectionKind.Redis, StackExchange.Redis.ConfigurationOptions.Parse(configuration).ToString()), (connection.Kind, connection.RedisConfiguration));
        Assert.Single(connection.RedisOptions().EndPoints);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("redis://")]
    public void A_string_that_names_no_cluster_is_refused(string text) =>
        Assert.Throws<FormatException>(() => ClusterConnection.Parse(text));
}
